import type { PhashIndex, PhashNeighbour, PublishedPhash } from '@listinglens/contracts';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from './prisma.service';

const BANDS = 4;
const BAND_BITS = 16;
const HEX64 = /^[0-9a-f]{16}$/i;

function checkHex(hex: string): void {
  if (!HEX64.test(hex)) throw new Error(`not a 64-bit hex phash: ${JSON.stringify(hex)}`);
}

/** The pHash as PostgreSQL stores it in "phashInt": the 64 bits read as a signed int64. */
export function phashToInt(hex: string): bigint {
  checkHex(hex);
  return BigInt.asIntN(64, BigInt(`0x${hex}`));
}

/** The four 16-bit bands of "phashBand0..3"; band 0 is the most significant 16 bits. */
export function phashBands(hex: string): [number, number, number, number] {
  checkHex(hex);
  const band = (i: number) => parseInt(hex.slice(i * 4, i * 4 + 4), 16);
  return [band(0), band(1), band(2), band(3)];
}

/**
 * How far to search each band so no hash within `maxDistance` bits is missed (generalised pigeonhole,
 * Norouzi et al., "Fast exact search in Hamming space with multi-index hashing"): if every band i
 * differed by more than r[i] bits, the whole hash would differ by at least Σ(r[i] + 1); so any
 * radii with Σ(r[i] + 1) = maxDistance + 1 are exact. Spreading that budget evenly probes far fewer
 * values than floor(t/4) on every band: at t = 12, radii 3,2,2,2 are 1,108 values against 2,788 for
 * 3,3,3,3 (about 2.5× fewer candidate rows). -1 = band not probed (t < 3 needs only t + 1 bands).
 * The extra bit goes to the last bands first: band 0 holds the DCT's DC and lowest frequencies, whose
 * bits vary least between photos, so its values are the most crowded.
 */
export function bandRadii(maxDistance: number): number[] {
  const budget = maxDistance + 1;
  return Array.from({ length: BANDS }, (_, i) => {
    const share = Math.floor(budget / BANDS) + (BANDS - 1 - i < budget % BANDS ? 1 : 0);
    return share - 1;
  });
}

/** Every `bits`-bit value within `radius` bits of `value` (1 + C(bits,1) + … + C(bits,radius) of them). */
export function valuesWithin(value: number, radius: number, bits = BAND_BITS): number[] {
  if (radius < 0) return [];
  const out = [value];
  // Flip bits in increasing order only, so each combination of flips is produced once.
  const flip = (current: number, from: number, left: number) => {
    for (let b = from; b < bits; b++) {
      const next = current ^ (1 << b);
      out.push(next);
      if (left > 1) flip(next, b + 1, left - 1);
    }
  };
  flip(value, 0, radius);
  return out;
}

/** Rows returned per lookup at most, nearest first: a placeholder photo shared by thousands of
 * listings must not turn one lookup into thousands of rows. */
export const PHASH_NEIGHBOUR_LIMIT = 500;

/** Where one kind of hash is stored: its table, the row id the lookup returns, the signed int64 and
 * its four indexed 16-bit band columns. */
interface HashStore {
  table: Prisma.Sql;
  id: Prisma.Sql;
  int: Prisma.Sql;
  bands: Prisma.Sql[];
}
const PHASH_STORE: HashStore = {
  table: Prisma.raw('listing_images'),
  id: Prisma.raw('id'),
  int: Prisma.raw('"phashInt"'),
  bands: [0, 1, 2, 3].map((i) => Prisma.raw(`"phashBand${i}"`)),
};
const CENTRE_STORE: HashStore = {
  table: Prisma.raw('listing_image_centre_hashes'),
  id: Prisma.raw('"imageId"'),
  int: Prisma.raw('"hashInt"'),
  bands: [0, 1, 2, 3].map((i) => Prisma.raw(`band${i}`)),
};

const bitCount = (column: Prisma.Sql, q: bigint) => Prisma.sql`bit_count((${column} # ${q}::bigint)::bit(64))`;

/**
 * The ids of every stored hash within `t` bits of a probe: one arm per probe and probed band, each
 * `band = ANY(values) AND bit_count(...) <= t` against its own probe, UNIONed. One arm per band over every
 * probe's values (the distances ORed, or the (value, probe) pairs joined to the index) measured no
 * faster: the time goes into one index descent per band value and the entries under it.
 */
function candidateIds(store: HashStore, probes: readonly string[], t: number): Prisma.Sql {
  const arms = probes.flatMap((probe) => {
    const bands = phashBands(probe);
    const q = phashToInt(probe);
    return bandRadii(t)
      .map((radius, i) => ({ column: store.bands[i], values: valuesWithin(bands[i], radius) }))
      .filter((arm) => arm.values.length > 0)
      .map((arm) => Prisma.sql`SELECT ${store.id} FROM ${store.table} WHERE ${arm.column} = ANY(${arm.values}::int[]) AND ${bitCount(store.int, q)} <= ${t}::int`);
  });
  return Prisma.join(arms, ' UNION ');
}

/**
 * Other sellers' images among `ids`, with `hash` (the stored int64 the distance was measured on) and
 * `distance` from `source` (a FROM item, may be a LATERAL join naming them), nearest first.
 *
 * `id = ANY(ARRAY(...))` rather than a join: the planner guesses a third of the candidates survive
 * the distance filter (a few do) and, on a small table, would join them back with a Seq Scan; an
 * array of ids is always fetched through the primary key. Only the latest hashed version of a listing
 * counts: an image is skipped once a newer scan of its listing has completed (checked on the few
 * survivors through the (listingId, listingVersion) index). Rows without a seller are skipped too: they
 * cannot be told apart from the caller's own.
 */
function neighbours(hash: Prisma.Sql, distance: Prisma.Sql, source: Prisma.Sql, ids: Prisma.Sql, excludeSellerId: string, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT li."listingId"::text AS "listingId", li."sellerId", li.position AS "imagePosition",
           lpad(to_hex(${hash}), 16, '0') AS phash, ${distance} AS distance
    FROM listing_images li
    JOIN scans s ON s.id = li."scanId"${source}
    WHERE li.id = ANY(ARRAY(${ids}))
      AND li."sellerId" <> ${excludeSellerId} AND li."errorCode" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM scans newer
        WHERE newer."listingId" = li."listingId" AND newer."listingVersion" > s."listingVersion"
          AND newer.status = 'completed')
    ORDER BY distance, li."listingId", li.position
    LIMIT ${limit}::int`;
}

/**
 * The pHash lookup statement (exported so the tests and the benchmark can EXPLAIN exactly what runs):
 * candidates by multi-index hashing on the four bands (`candidateIds`), then `neighbours`. With the
 * current single-column band indexes each arm is a bitmap index scan plus a heap visit per candidate,
 * no slower than one BitmapOr over the four bands (bench/reuse.bench.ts). The shape is chosen for the
 * next step: with `(band) INCLUDE ("phashInt", id)` indexes the exact-distance filter runs inside
 * index-only scans and the heap is read only for true matches; only that brings t = 12 under 20 ms at
 * 1,000,000 hashes (the heap visits of ~17,000 candidates are what costs, not the index probes).
 */
export function phashNearQuery(phash: string, maxDistance: number, excludeSellerId: string, limit = PHASH_NEIGHBOUR_LIMIT): Prisma.Sql {
  const q = phashToInt(phash);
  const column = Prisma.sql`li."phashInt"`;
  return neighbours(column, Prisma.sql`${bitCount(column, q)}::int`, Prisma.empty, candidateIds(PHASH_STORE, [phash], Math.floor(maxDistance)), excludeSellerId, limit);
}

/**
 * The centre hash's lookup, over "listing_image_centre_hashes" (each image's centre hash as is and
 * mirrored, in one set of band indexes): candidates for every probe, as for the pHash; the probes are the
 * looked-up image's zooms as is (a mirrored copy is found through the stored mirrored hash). `distance`
 * is to the nearest probe over both orientations, read by primary key for the few images that survive
 * the filters; `phash` is that stored hash. 7 probes against both stored orientations took ~2/3 of the
 * time of 14 probes (7 zooms × as is and mirrored) against one: the same comparisons, but one index
 * descent per band value finds both rows.
 */
export function centreNearQuery(probes: readonly string[], maxDistance: number, excludeSellerId: string, limit = PHASH_NEIGHBOUR_LIMIT): Prisma.Sql {
  if (probes.length === 0) throw new Error('a lookup needs at least one hash');
  const unique = [...new Set(probes.map((p) => p.toLowerCase()))];
  const qs = unique.map(phashToInt);
  const c = Prisma.raw('c."hashInt"');
  const nearest = qs.length === 1 ? bitCount(c, qs[0]) : Prisma.sql`LEAST(${Prisma.join(qs.map((q) => bitCount(c, q)), ', ')})`;
  const lateral = Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT c."hashInt", ${nearest}::int AS distance FROM listing_image_centre_hashes c
      WHERE c."imageId" = li.id ORDER BY distance, c.mirrored LIMIT 1) h`;
  return neighbours(Prisma.sql`h."hashInt"`, Prisma.sql`h.distance`, lateral, candidateIds(CENTRE_STORE, unique, Math.floor(maxDistance)), excludeSellerId, limit);
}

/**
 * Near-duplicate images of other sellers, found in PostgreSQL by multi-index hashing on the four
 * indexed 16-bit bands of the pHash (or of the centre hash), then filtered by exact Hamming distance.
 * Never a table scan.
 */
export class PgPhashIndex implements PhashIndex {
  constructor(
    private readonly prisma: PrismaService,
    private readonly limit = PHASH_NEIGHBOUR_LIMIT,
  ) {}

  async findNear(phash: string, maxDistance: number, excludeSellerId: string): Promise<PhashNeighbour[]> {
    if (!(maxDistance >= 0)) return [];
    return this.prisma.$queryRaw<PhashNeighbour[]>(phashNearQuery(phash, maxDistance, excludeSellerId, this.limit));
  }

  async findNearCentre(probes: readonly string[], maxDistance: number, excludeSellerId: string): Promise<PhashNeighbour[]> {
    if (!(maxDistance >= 0) || probes.length === 0) return [];
    return this.prisma.$queryRaw<PhashNeighbour[]>(centreNearQuery(probes, maxDistance, excludeSellerId, this.limit));
  }

  /**
   * Writes the running scan's hashes onto its image row now, in its own committed statement, instead of
   * only when the scan completes: two sellers' scans of one photo both looked before either completed
   * and neither was flagged (test/ai/reuse-race.test.ts). The pHash and the centre hashes (as is and
   * mirrored) go in the same statement (the UPDATE and the centre rows' upsert as one data-modifying
   * WITH), so a scan that looks later sees all or none. ScanRepository.complete writes the same pHash
   * values; the centre hashes are written only here (the scan result does not carry them).
   */
  async publish(entry: PublishedPhash): Promise<void> {
    if (!entry.scanId) return;
    const [b0, b1, b2, b3] = phashBands(entry.phash);
    const update = Prisma.sql`
      UPDATE listing_images SET phash = ${entry.phash}, "phashInt" = ${phashToInt(entry.phash)}::bigint,
        "phashBand0" = ${b0}::int, "phashBand1" = ${b1}::int, "phashBand2" = ${b2}::int, "phashBand3" = ${b3}::int,
        "sellerId" = ${entry.sellerId}
      WHERE "scanId" = ${entry.scanId}::uuid AND "listingId" = ${entry.listingId}::uuid AND position = ${entry.imagePosition}::int`;
    const centres = [
      ...(entry.centreHash ? [{ mirrored: false, hash: entry.centreHash }] : []),
      ...(entry.centreMirroredHash ? [{ mirrored: true, hash: entry.centreMirroredHash }] : []),
    ];
    if (centres.length === 0) {
      await this.prisma.$executeRaw(update);
      return;
    }
    const rows = centres.map(({ mirrored, hash }) => {
      const [c0, c1, c2, c3] = phashBands(hash);
      return Prisma.sql`(${mirrored}::boolean, ${phashToInt(hash)}::bigint, ${c0}::int, ${c1}::int, ${c2}::int, ${c3}::int)`;
    });
    await this.prisma.$executeRaw`
      WITH image AS (${update} RETURNING id)
      INSERT INTO listing_image_centre_hashes ("imageId", mirrored, "hashInt", band0, band1, band2, band3)
      SELECT image.id, c.mirrored, c.h, c.b0, c.b1, c.b2, c.b3
      FROM image CROSS JOIN (VALUES ${Prisma.join(rows, ', ')}) AS c(mirrored, h, b0, b1, b2, b3)
      ON CONFLICT ("imageId", mirrored) DO UPDATE
        SET "hashInt" = EXCLUDED."hashInt", band0 = EXCLUDED.band0, band1 = EXCLUDED.band1, band2 = EXCLUDED.band2, band3 = EXCLUDED.band3`;
  }
}
