/**
 * `npm run build && node dist/bench/reuse.bench.js` — the image.reused lookup (PgPhashIndex) with
 * 1,000,000 stored pHashes in PostgreSQL, next to the yardstick of a sequential scan (bit_count over
 * every row) and the alternatives it was chosen over. Target (issue 4): < 20 ms.
 *
 * Uses a scratch database of its own (DATABASE_URL's server), migrated like production, and drops it.
 * Queries: random hashes with one other-seller image planted 0, 4, 8, 10 or 12 bits away (found =
 * the planted image came back when its distance ≤ t), and random hashes with nothing planted.
 * Last, the band indexes are rebuilt as `(band) INCLUDE ("phashInt", id)` — the migration this
 * benchmark argues for — and PgPhashIndex is timed again. The centre hash table holds two rows per image
 * (as is: the pHash's random bits; mirrored: other random bits), so findNearCentre (7 probes at t = 10,
 * exact as well) is timed on an index as full as production's.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
// Relative until libs/data-access/src/index.ts exports phash-index (then '@listinglens/data-access').
import { bandRadii, PgPhashIndex, phashBands, phashToInt, PrismaService, valuesWithin } from '@listinglens/data-access';
import { createScratchDatabase } from './support/scratch-database';

const STORED = Number(process.env.BENCH_HASHES ?? 1_000_000);
const PLANTED_DISTANCES = [0, 4, 8, 10, 12];
const QUERIES_PER_DISTANCE = Number(process.env.BENCH_QUERIES ?? 20);
const RANDOM_QUERIES = QUERIES_PER_DISTANCE * 2;
const QUERY_SELLER = 'bench-query-seller';

interface Query {
  phash: string;
  /** The other seller's image planted near it, or null for a random query. */
  planted: { phash: string; distance: number } | null;
}

interface Lookup {
  label: string;
  t: number;
  /** Band values looked up in the indexes per query (0 = none, a table scan). */
  probes: number;
  /** Queries timed per group at most (the sequential scan is slow). */
  perGroup: number;
  run(phash: string): Promise<Array<{ phash: string }>>;
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('reuse');
  const dbUrl = scratch.url;
  const db = new Client({ connectionString: dbUrl });
  let prisma: PrismaService | undefined;
  try {
    await db.connect();
    const queries = makeQueries();
    const seedMs = await seed(db, queries);
    const size = await db.query<{ heap: string; bands: string }>(
      `SELECT pg_size_pretty(pg_relation_size('listing_images')) AS heap,
              pg_size_pretty(sum(pg_relation_size(indexrelid))) AS bands
       FROM pg_index WHERE indexrelid::regclass::text LIKE '"listing_images_phashBand%'`,
    );
    console.log(`reuse lookup: ${STORED.toLocaleString('en')} stored hashes (+${queries.filter((q) => q.planted).length} planted), ` +
      `seeded in ${(seedMs / 1000).toFixed(1)} s; heap ${size.rows[0].heap}, band indexes ${size.rows[0].bands}; ` +
      `load average ${loadavg()[0].toFixed(1)} on this machine`);

    prisma = new PrismaService(dbUrl, 1);
    const index = new PgPhashIndex(prisma);
    const p = prisma;
    const lookups: Lookup[] = [
      ...[12, 10, 8].map((t) => ({ label: 'PgPhashIndex (radii ' + bandRadii(t).join(',') + ', one arm per band)', t, probes: probes(bandRadii(t)), perGroup: QUERIES_PER_DISTANCE, run: (q: string) => index.findNear(q, t, QUERY_SELLER) })),
      bitmapOr(p, 'BitmapOr, floor(t/4) = 3 bits on every band', 12, [3, 3, 3, 3], 6),
      bitmapOr(p, 'BitmapOr, radii 2,2,2,3', 12, bandRadii(12), QUERIES_PER_DISTANCE),
      {
        label: `PgPhashIndex.findNearCentre (${CENTRE_PROBE_COUNT} probes, as image.reused sends: the query and zooms near it; 2 stored rows per image, as is and mirrored)`,
        t: 10,
        probes: CENTRE_PROBE_COUNT * probes(bandRadii(10)),
        perGroup: QUERIES_PER_DISTANCE,
        run: (q: string) => index.findNearCentre(centreProbes(q), 10, QUERY_SELLER),
      },
      { label: 'yardstick: sequential scan, bit_count over every row', t: 12, probes: 0, perGroup: 2, run: (q) => seqScan(p, q, 12) },
    ];
    console.log(`timing ${lookups.length} lookups over the same ${queries.length} queries, interleaved…`);
    const results = await measureAll(lookups, queries);
    const floor = await roundTrip(p);

    console.log(`\n| lookup | t | band values probed | planted: median / p99 ms (n) | random: median / p99 ms (n) | planted found (distance ≤ t) |`);
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const row of results) console.log(row);
    console.log(`\nround-trip floor (SELECT 1 through Prisma): ${floor.toFixed(2)} ms median.`);
  } finally {
    await prisma?.$disconnect();
    await db.end().catch(() => undefined);
    await scratch.drop();
  }
}

/** Random query hashes; for each planted distance some get another seller's image that far away. */
function makeQueries(): Query[] {
  const queries: Query[] = [];
  for (const distance of PLANTED_DISTANCES) {
    for (let i = 0; i < QUERIES_PER_DISTANCE; i++) {
      const phash = randomHash();
      queries.push({ phash, planted: { phash: flipRandomBits(phash, distance), distance } });
    }
  }
  for (let i = 0; i < RANDOM_QUERIES; i++) queries.push({ phash: randomHash(), planted: null });
  return queries;
}

/**
 * 1,000,000 random hashes in one listing and scan (sellerId varies per row, which is what the lookup
 * reads), rows as wide as real ones (URL, sha256). Secondary indexes are dropped for the bulk insert and
 * rebuilt from the migration's own definitions: building an index once is much faster than growing it.
 */
async function seed(db: Client, queries: Query[]): Promise<number> {
  const started = performance.now();
  const listingId = '00000000-0000-4000-8000-000000000001';
  const scanId = '00000000-0000-4000-8000-000000000002';
  await db.query(
    `INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, "priceAmount", "priceCurrency", "contentHash", version, "updatedAt")
     VALUES ($1, 'bench', 'reuse', 'bench-seller', 'bench', 1, 'EUR', 'h', 1, now())`,
    [listingId],
  );
  await db.query(
    `INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, status) VALUES ($1, $2, 1, 'h', '{}', 'completed')`,
    [scanId, listingId],
  );
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE tablename IN ('listing_images', 'listing_image_centre_hashes') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const i of indexes) await db.query(`DROP INDEX "${i.name}"`);
  const columns = `id, "scanId", "listingId", position, "sourceKind", "sourceUrl", sha256, format, width, height, "byteSize",
                   phash, "phashInt", "phashBand0", "phashBand1", "phashBand2", "phashBand3", "sellerId"`;
  const values = (g: string, x: string) => `$1::uuid, $2::uuid, ${g}, 'url', 'https://cdn.example.com/img/' || ${g} || '.jpg',
    md5(${g}::text) || md5((-${g})::text), 'jpeg', 1000, 1000, 123456, lpad(to_hex(${x}), 16, '0'), ${x},
    ((${x} >> 48) & 65535)::int, ((${x} >> 32) & 65535)::int, ((${x} >> 16) & 65535)::int, (${x} & 65535)::int`;
  // Ordered ids keep the primary key's inserts at its right edge; the lookup never reads it by range.
  await db.query(
    `INSERT INTO listing_images (${columns})
     SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, ${values('g', 'x')}, 'seller-' || (g % 100000)
     FROM (SELECT g, ((random() * 4294967296)::bigint << 32) | (random() * 4294967296)::bigint AS x
           FROM generate_series(1, $3::int) g) s`,
    [scanId, listingId, STORED],
  );
  const planted = queries.flatMap((q) => (q.planted ? [q.planted.phash] : []));
  await db.query(
    `INSERT INTO listing_images (${columns})
     SELECT gen_random_uuid(), ${values('g', 'x')}, 'planted-' || g
     FROM (SELECT $3::int + n AS g, ('x' || h)::bit(64)::bigint AS x FROM unnest($4::text[]) WITH ORDINALITY AS p(h, n)) s`,
    [scanId, listingId, STORED, planted],
  );
  // The centre hash rows: as is, the pHash's random bits (so the planted copies are found by both lookups);
  // mirrored, other random bits. Two rows per image in one set of band indexes, as production stores them.
  await db.query(
    `INSERT INTO listing_image_centre_hashes ("imageId", mirrored, "hashInt", band0, band1, band2, band3)
     SELECT id, m, x, ((x >> 48) & 65535)::int, ((x >> 32) & 65535)::int, ((x >> 16) & 65535)::int, (x & 65535)::int
     FROM (SELECT id, false AS m, "phashInt" AS x FROM listing_images
           UNION ALL
           SELECT id, true, ((random() * 4294967296)::bigint << 32) | (random() * 4294967296)::bigint FROM listing_images) s`,
  );
  await db.query(`SET maintenance_work_mem = '256MB'`);
  for (const i of indexes) await db.query(i.definition);
  await db.query('VACUUM ANALYZE listing_images');
  await db.query('VACUUM ANALYZE listing_image_centre_hashes');
  return performance.now() - started;
}

/**
 * Times the lookups over the same queries, interleaved (query by query, in rotating order) so that
 * each sees the same cache state and the same load from whatever else runs on the machine.
 */
async function measureAll(lookups: Lookup[], queries: Query[]): Promise<string[]> {
  for (let i = 0; i < 5; i++) for (const lookup of lookups) await lookup.run(randomHash()); // warm-up
  const rank = new Map<Query, number>();
  const seen = new Map<number, number>();
  for (const q of queries) {
    const group = q.planted?.distance ?? -1;
    rank.set(q, seen.get(group) ?? 0);
    seen.set(group, (seen.get(group) ?? 0) + 1);
  }
  // Round-robin over the groups so a lookup with a small quota still sees every distance.
  const ordered = [...queries].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const acc = lookups.map(() => ({ planted: [] as number[], random: [] as number[], expected: 0, found: 0 }));
  for (const [k, q] of ordered.entries()) {
    for (let j = 0; j < lookups.length; j++) {
      const li = (k + j) % lookups.length;
      const lookup = lookups[li];
      if ((rank.get(q) ?? 0) >= lookup.perGroup * (q.planted ? 1 : 2)) continue;
      const t0 = performance.now();
      const near = await lookup.run(q.phash);
      (q.planted ? acc[li].planted : acc[li].random).push(performance.now() - t0);
      if (q.planted && q.planted.distance <= lookup.t) {
        acc[li].expected++;
        if (near.some((n) => n.phash === q.planted?.phash)) acc[li].found++;
      }
    }
  }
  const stats = (xs: number[]) => `${percentile(xs, 0.5).toFixed(1)} / ${percentile(xs, 0.99).toFixed(1)}`;
  return lookups.map((lookup, i) => {
    const probed = lookup.probes === 0 ? '— (every row)' : lookup.probes.toLocaleString('en');
    const a = acc[i];
    return `| ${lookup.label} | ${lookup.t} | ${probed} | ${stats(a.planted)} (${a.planted.length}) | ${stats(a.random)} (${a.random.length}) | ${a.found}/${a.expected} |`;
  });
}

function probes(radii: number[]): number {
  return radii.reduce((sum, r) => sum + valuesWithin(0, r).length, 0);
}

/** The first design considered: one statement, the four band conditions ORed (a BitmapOr). */
function bitmapOr(prisma: PrismaService, label: string, t: number, radii: number[], perGroup: number): Lookup {
  return {
    label,
    t,
    probes: probes(radii),
    perGroup,
    run: (phash) => {
      const bands = phashBands(phash);
      return prisma.$queryRawUnsafe<Array<{ phash: string }>>(
        `SELECT phash FROM listing_images
         WHERE ("phashBand0" = ANY($3::int[]) OR "phashBand1" = ANY($4::int[]) OR "phashBand2" = ANY($5::int[]) OR "phashBand3" = ANY($6::int[]))
           AND bit_count(("phashInt" # $1::bigint)::bit(64)) <= $2::int AND "sellerId" <> $7 AND "errorCode" IS NULL`,
        phashToInt(phash), t, ...radii.map((r, i) => valuesWithin(bands[i], r)), QUERY_SELLER,
      );
    },
  };
}

function seqScan(prisma: PrismaService, phash: string, t: number): Promise<Array<{ phash: string }>> {
  return prisma.$queryRawUnsafe<Array<{ phash: string }>>(
    `SELECT phash FROM listing_images
     WHERE bit_count(("phashInt" # $1::bigint)::bit(64)) <= $2::int AND "sellerId" <> $3 AND "errorCode" IS NULL`,
    phashToInt(phash), t, QUERY_SELLER,
  );
}

async function roundTrip(prisma: PrismaService): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    await prisma.$queryRawUnsafe('SELECT 1');
    times.push(performance.now() - t0);
  }
  return percentile(times, 0.5);
}

const CENTRE_PROBE_COUNT = 7;
/** Probes shaped like the centre hash's: 7 zooms, the query and 6 a few bits from it (real images' zooms are
 * further apart, 12–36 bits between the extremes, which shares fewer band values; each probe's arms are
 * separate, so this changes little). */
function centreProbes(q: string): string[] {
  return [q, ...Array.from({ length: 6 }, () => flipRandomBits(q, 4))];
}

function randomHash(): string {
  return randomBytes(8).toString('hex');
}

function flipRandomBits(hex: string, count: number): string {
  let x = BigInt(`0x${hex}`);
  const bits = new Set<number>();
  while (bits.size < count) bits.add(randomBytes(1)[0] & 63);
  for (const b of bits) x ^= 1n << BigInt(b);
  return x.toString(16).padStart(16, '0');
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
