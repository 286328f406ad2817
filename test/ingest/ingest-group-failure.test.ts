import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingRepository, PrismaService, SqlPool } from '@listinglens/data-access';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Concurrent ingests share one statement (group commit). A statement error used to reject every
 * request of the group: 3 listings with a NUL byte in the title failed 140 of 150 valid ones.
 * Validation refuses NUL at the api; this is the second line: a group's failure must not spread.
 */
describe('ingest group commit', () => {
  let db: TestDatabase;
  let pool: SqlPool;
  let listings: ListingRepository;

  beforeAll(async () => {
    db = await createTestDatabase('ingest_group_failure');
    pool = new SqlPool(db.url, 4);
    listings = new ListingRepository(null as unknown as PrismaService, pool);
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const listing = (externalId: string, title = 'Bowl') => ({
    marketplace: 'group',
    externalId,
    sellerId: 's1',
    title,
    price: { amount: '9.90', currency: 'EUR' },
    images: [{ kind: 'url' as const, url: `https://cdn.example.com/${externalId}.jpg` }],
  });

  it('a statement error fails only the listing that caused it, not the others in its group', async () => {
    const valid = Array.from({ length: 30 }, (_, i) => listing(`ok-${i}`));
    const bad = Array.from({ length: 3 }, (_, i) => listing(`bad-${i}`, `Bowl\u0000${i}`));
    // Interleaved and submitted together, so the bad ones share statements with valid ones.
    const all = [...valid.slice(0, 10), bad[0], ...valid.slice(10, 20), bad[1], ...valid.slice(20), bad[2]];
    const outcomes = await Promise.allSettled(all.map((l) => listings.ingest(l)));
    const failed = all.filter((_, i) => outcomes[i].status === 'rejected').map((l) => l.externalId);
    expect(failed.sort()).toEqual(['bad-0', 'bad-1', 'bad-2']);
    const rows = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM listings`);
    expect(rows[0].n).toBe('30');
    const scans = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM scans`);
    expect(scans[0].n).toBe('30');
  });
});
