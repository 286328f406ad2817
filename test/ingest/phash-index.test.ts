import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../libs/data-access/src/generated/prisma/client';
import { centreNearQuery, PgPhashIndex, phashBands, phashNearQuery, phashToInt } from '../../libs/data-access/src/lib/phash-index';
import { PrismaService } from '../../libs/data-access/src/lib/prisma.service';
import { createTestDatabase, type TestDatabase } from '../support/database';

const T = 12;
const QUERY = 'c3a5f00d12345678';
/** The hashes the tests search around: at least 20 bits apart, so no test sees another's rows. */
const BASES = [QUERY, 'a5a5a5a5a5a5a5a5', '0f0f0f0f0f0f0f0f', '1234123412341234'];
/** Centre hashes of the centre tests (no other row has a centre hash but the filler's random ones). */
const CENTRE = '5a5a0ff0c3c31e1e';
const CENTRE_MIRRORED = 'e1e13c3c0ff0a5a5';

/** `hex` with the given number of low bits flipped in each band (band 0 first). */
function flipBands(hex: string, perBand: number[]): string {
  let x = BigInt(`0x${hex}`);
  perBand.forEach((count, band) => {
    for (let bit = 0; bit < count; bit++) x ^= 1n << BigInt((3 - band) * 16 + bit);
  });
  return x.toString(16).padStart(16, '0');
}

/** Every way to split `total` flipped bits over the four bands. */
function splits(total: number): number[][] {
  const out: number[][] = [];
  for (let a = 0; a <= total; a++)
    for (let b = 0; a + b <= total; b++)
      for (let c = 0; a + b + c <= total; c++) out.push([a, b, c, total - a - b - c]);
  return out;
}

describe('PgPhashIndex (PostgreSQL)', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let index: PgPhashIndex;

  /** A listing at `version`, one completed (unless said) scan per version 1..version, images on `scanVersion`. */
  async function listing(sellerId: string, version = 1, status: 'completed' | 'queued' = 'completed'): Promise<{ id: string; scans: string[] }> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, "priceAmount", "priceCurrency", "contentHash", version, "updatedAt")
       VALUES ($1::uuid, 'test', $1::text, $2, 't', 1, 'EUR', 'h', $3, now())`,
      [id, sellerId, version],
    );
    const scans: string[] = [];
    for (let v = 1; v <= version; v++) {
      const scanId = randomUUID();
      await db.query(
        `INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, status) VALUES ($1, $2, $3, 'h', '{}', $4)`,
        [scanId, id, v, v === version ? status : 'completed'],
      );
      scans.push(scanId);
    }
    return { id, scans };
  }

  async function image(l: { id: string; scans: string[] }, sellerId: string, phash: string, opts: { position?: number; scan?: number; errorCode?: string } = {}): Promise<void> {
    const [b0, b1, b2, b3] = phashBands(phash);
    await db.query(
      `INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", phash, "phashInt", "phashBand0", "phashBand1", "phashBand2", "phashBand3", "sellerId", "errorCode")
       VALUES ($1, $2, $3, $4, 'url', $5, $6, $7, $8, $9, $10, $11, $12)`,
      [randomUUID(), l.scans[opts.scan ?? l.scans.length - 1], l.id, opts.position ?? 0, phash, phashToInt(phash).toString(), b0, b1, b2, b3, sellerId, opts.errorCode ?? null],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase('phash_index');
    prisma = new PrismaService(db.url, 2);
    index = new PgPhashIndex(prisma);
    // Background: 30,000 random hashes in one other listing, so the planner sees a table worth indexing.
    const bulk = await listing('bulk-seller');
    await db.query(
      `INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", phash, "phashInt", "phashBand0", "phashBand1", "phashBand2", "phashBand3", "sellerId")
       SELECT gen_random_uuid(), $1, $2, 1000 + g, 'url', lpad(to_hex(x), 16, '0'), x,
              ((x >> 48) & 65535)::int, ((x >> 32) & 65535)::int, ((x >> 16) & 65535)::int, (x & 65535)::int, 'bulk-' || (g % 500)
       FROM (SELECT g, ((random() * 4294967296)::bigint << 32) | (random() * 4294967296)::bigint AS x
             FROM generate_series(1, 30000) g) s
       -- keep the background clear of the hashes the tests look for
       WHERE NOT EXISTS (SELECT 1 FROM unnest($3::bigint[]) b WHERE bit_count((x # b)::bit(64)) <= 20)`,
      [bulk.scans[0], bulk.id, BASES.map((h) => phashToInt(h).toString())],
    );
    await db.query('ANALYZE');
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('finds another seller’s identical image and names its listing', async () => {
    const other = await listing('seller-b');
    await image(other, 'seller-b', QUERY, { position: 2 });
    const near = await index.findNear(QUERY, T, 'seller-a');
    expect(near).toEqual([{ listingId: other.id, sellerId: 'seller-b', imagePosition: 2, phash: QUERY, distance: 0 }]);
  });

  it('excludes the seller’s own images, however close', async () => {
    const own = await listing('seller-own');
    const hash = flipBands(QUERY, [1, 0, 0, 0]);
    await image(own, 'seller-own', hash);
    expect((await index.findNear(QUERY, T, 'seller-own')).map((n) => n.listingId)).not.toContain(own.id);
    expect((await index.findNear(QUERY, T, 'seller-x')).map((n) => n.listingId)).toContain(own.id);
  });

  it('finds every hash exactly t bits away however the bits fall over the bands, and none t + 1 away', async () => {
    const base = BASES[1];
    const l = await listing('seller-boundary');
    const atT = splits(T);
    const beyond = splits(T + 1);
    let position = 0;
    for (const s of atT) await image(l, 'seller-boundary', flipBands(base, s), { position: position++ });
    for (const s of beyond) await image(l, 'seller-boundary', flipBands(base, s), { position: position++ });
    const near = await new PgPhashIndex(prisma, 10_000).findNear(base, T, 'seller-a');
    const found = near.filter((n) => n.listingId === l.id);
    expect(found).toHaveLength(atT.length);
    expect(new Set(found.map((n) => n.phash))).toEqual(new Set(atT.map((s) => flipBands(base, s))));
    expect(found.every((n) => n.distance === T)).toBe(true);
  });

  it('orders results nearest first', async () => {
    const base = BASES[2];
    const far = await listing('seller-far');
    const close = await listing('seller-close');
    await image(far, 'seller-far', flipBands(base, [2, 2, 2, 2]));
    await image(close, 'seller-close', flipBands(base, [1, 0, 0, 1]));
    const near = await index.findNear(base, T, 'seller-a');
    expect(near.map((n) => [n.listingId, n.distance])).toEqual([[close.id, 2], [far.id, 8]]);
  });

  it('skips images that failed and images of a listing version that a newer completed scan replaced', async () => {
    const base = BASES[3];
    const failed = await listing('seller-err');
    await image(failed, 'seller-err', base, { errorCode: 'image.decode_failed' });
    const replaced = await listing('seller-v', 2);
    await image(replaced, 'seller-v', base, { scan: 0 });
    const pending = await listing('seller-p', 2, 'queued');
    await image(pending, 'seller-p', base, { scan: 0 });
    const near = await index.findNear(base, T, 'seller-a');
    // Until version 2 of the pending listing is scanned, version 1's image is still the listing's.
    expect(near.map((n) => n.listingId)).toEqual([pending.id]);
  });

  it('publishes the centre hashes (as is and mirrored) with the pHash and finds them by the nearest of several probes, within t only', async () => {
    const other = await listing('seller-centre');
    await db.query(`INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind") VALUES ($1, $2, $3, 0, 'url')`, [randomUUID(), other.scans[0], other.id]);
    await index.publish({ scanId: other.scans[0], listingId: other.id, sellerId: 'seller-centre', imagePosition: 0, phash: BASES[1], centreHash: CENTRE, centreMirroredHash: CENTRE_MIRRORED });
    const probes = [flipBands(CENTRE, [4, 4, 4, 4]), flipBands(CENTRE, [1, 3, 3, 3]), flipBands(CENTRE, [0, 2, 0, 1])];
    expect(await index.findNearCentre(probes, 10, 'seller-a')).toEqual([{ listingId: other.id, sellerId: 'seller-centre', imagePosition: 0, phash: CENTRE, distance: 3 }]);
    expect(await index.findNearCentre(probes.slice(0, 1), 10, 'seller-a')).toEqual([]); // 16 bits away
    expect((await index.findNearCentre([flipBands(CENTRE, [1, 3, 3, 3])], 10, 'seller-a')).map((n) => n.distance)).toEqual([10]);
    expect(await index.findNearCentre([flipBands(CENTRE, [2, 3, 3, 3])], 10, 'seller-a')).toEqual([]); // 11 bits
    expect(await index.findNearCentre(probes, 10, 'seller-centre')).toEqual([]);
    // The stored mirrored hash is looked up by the same probes; the image comes back once, at its nearest.
    expect(await index.findNearCentre([flipBands(CENTRE_MIRRORED, [1, 0, 2, 0]), flipBands(CENTRE, [1, 3, 3, 3])], 10, 'seller-a')).toEqual([
      { listingId: other.id, sellerId: 'seller-centre', imagePosition: 0, phash: CENTRE_MIRRORED, distance: 3 },
    ]);
    // Published again (a retried scan): the rows are replaced, not added.
    await index.publish({ scanId: other.scans[0], listingId: other.id, sellerId: 'seller-centre', imagePosition: 0, phash: BASES[1], centreHash: CENTRE, centreMirroredHash: CENTRE_MIRRORED });
    const rows = await db.query(`SELECT count(*)::int AS n FROM listing_image_centre_hashes c JOIN listing_images li ON li.id = c."imageId" WHERE li."listingId" = $1`, [other.id]);
    expect(rows[0].n).toBe(2);
    // The pHash lookup is unchanged by it.
    expect((await index.findNear(BASES[1], 0, 'seller-a')).map((n) => n.listingId)).toContain(other.id);
  });

  it('looks up through the band indexes, not a sequential scan of listing_images', async () => {
    // On a handful of rows any plan is cheap and the planner may rightly scan the table; with enough
    // rows for the plan to matter (100,000 random hashes here, 1,000,000 in bench:reuse) it must not.
    const filler = await listing('seller-filler');
    await db.query(
      `INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", "phashInt", "phashBand0", "phashBand1", "phashBand2", "phashBand3", "sellerId")
       SELECT gen_random_uuid(), $1, $2, g, 'url', (random() * 9.2e18)::bigint, (random() * 65535)::int, (random() * 65535)::int,
              (random() * 65535)::int, (random() * 65535)::int, 'seller-filler'
       FROM generate_series(1000, 100999) AS g`,
      [filler.scans[0], filler.id],
    );
    await db.query('ANALYZE listing_images');
    for (const t of [4, 8, T]) {
      const plan = await prisma.$queryRaw<Array<{ 'QUERY PLAN': string }>>(
        Prisma.sql`EXPLAIN ${phashNearQuery(QUERY, t, 'seller-a')}`,
      );
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/(Bitmap Index Scan on|Index Only Scan using|Index Scan using) "listing_images_phashBand[0-3]_phashInt_id_idx"/);
      expect(text).not.toMatch(/Seq Scan on listing_images/);
    }
    await db.query(
      `INSERT INTO listing_image_centre_hashes ("imageId", mirrored, "hashInt", band0, band1, band2, band3)
       SELECT id, m, "phashInt" # (CASE WHEN m THEN 81985529216486895 ELSE 0 END), "phashBand0", "phashBand1", "phashBand2", "phashBand3"
       FROM listing_images CROSS JOIN (VALUES (false), (true)) AS o(m) WHERE "sellerId" = 'seller-filler'`,
    );
    await db.query('ANALYZE listing_image_centre_hashes');
    // The centre hash's 7 probes (7 zooms, as is) at its threshold of 10 bits.
    const probes = Array.from({ length: 7 }, (_, i) => flipBands(CENTRE, [i % 4, (i + 1) % 4, 0, 0]));
    const plan = await prisma.$queryRaw<Array<{ 'QUERY PLAN': string }>>(Prisma.sql`EXPLAIN ${centreNearQuery(probes, 10, 'seller-a')}`);
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/(Bitmap Index Scan on|Index Only Scan using|Index Scan using) "listing_image_centre_hashes_band[0-3]_hashInt_imageId_idx"/);
    expect(text).not.toMatch(/Seq Scan on listing_image/);
  });
});
