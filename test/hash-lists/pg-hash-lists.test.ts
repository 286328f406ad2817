import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashListRepository, PgHashLists, PrismaService, SqlPool } from '@listinglens/data-access';
import type { HashListItem } from '@listinglens/pdq';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** The worker's matcher on real PostgreSQL: lists loaded into memory, reloaded when their revision moves. */
let db: TestDatabase;
let prisma: PrismaService;
let pool: SqlPool;
let repo: HashListRepository;

const A = 'a5'.repeat(32);
const B = '3c'.repeat(32);
const probe = (pdq: string) => ({ original: pdq, flipX: 'ff'.repeat(32) });
async function* items(...pdqs: string[]): AsyncGenerator<HashListItem> {
  for (const [i, pdq] of pdqs.entries()) yield { ok: true, line: i + 1, pdq, externalId: `x-${i}`, note: null };
}

beforeAll(async () => {
  db = await createTestDatabase('pg_hash_lists');
  prisma = new PrismaService(db.url, 2);
  pool = new SqlPool(db.url, 2);
  await prisma.$connect();
  repo = new HashListRepository(prisma, pool);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await db?.drop();
});

describe('HashListRepository.entries', () => {
  it('pages through a list in the order it was added, every hash once, past ids of more digits', async () => {
    const list = await repo.create({ name: 'paged', source: 'own', threshold: 31, action: 'review', enabled: true }, 'test');
    const pdqs = Array.from({ length: 125 }, (_, i) => i.toString(16).padStart(4, '0').repeat(16));
    await repo.importHashes(list.id, items(...pdqs), 'test');
    const seen: string[] = [];
    for await (const row of repo.entries(list.id, 10)) seen.push(row.pdq);
    expect(seen).toEqual(pdqs);
  });
});

describe('PgHashLists', () => {
  it('reads the lists\' revisions once per scan, whatever its number of images', async () => {
    const list = await repo.create({ name: 'once', source: 'own', threshold: 31, action: 'review', enabled: true }, 'test');
    await repo.importHashes(list.id, items(A), 'test');
    let reads = 0;
    const counting = Object.create(repo, { enabledRevisions: { value: () => (reads++, repo.enabledRevisions()) } }) as HashListRepository;
    const lists = new PgHashLists(counting);
    const matched = await lists.match([probe(A), probe(B), probe(A), probe(B), probe(A)]);
    expect(matched.map((m) => m.map((hit) => hit.externalId))).toEqual([['x-0'], [], ['x-0'], [], ['x-0']]);
    expect(reads).toBe(1);
    expect(await lists.match([])).toEqual([]);
    expect(reads).toBe(1);
  });

  it('sees an import made after it loaded, and drops a list once it is disabled', async () => {
    const lists = new PgHashLists(repo);
    expect((await lists.match([probe(B)]))[0]).toEqual([]);
    const list = await repo.create({ name: 'later', source: 'partner:b', threshold: 31, action: 'none', enabled: true }, 'test');
    await repo.importHashes(list.id, items(B), 'test');
    expect((await lists.match([probe(B)]))[0]).toEqual([expect.objectContaining({ list: 'later', action: 'none', distance: 0, variant: 'original' })]);
    await repo.update(list.id, { enabled: false }, 'test');
    expect((await lists.match([probe(B)]))[0]).toEqual([]);
  });
});
