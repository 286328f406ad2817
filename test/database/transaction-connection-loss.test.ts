import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaService } from '@listinglens/data-access';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** Resolves to 'done' with the promise, or to 'hung' if it has not settled within `ms`. */
const within = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => 'done', () => 'done'), new Promise((r) => setTimeout(() => r('hung'), ms).unref())]);

/**
 * PostgreSQL cutting a connection in the middle of an interactive transaction (a restart, a failover):
 * the transaction fails, and its connection must go back to the pool. Prisma 6.19 alone leaves it
 * checked out when the ROLLBACK it sends fails, so the pool loses it for good and $disconnect (pool.end)
 * never returns: what hung the worker's shutdown after the restart drill (README "Reliability").
 */
describe('an interactive transaction whose connection PostgreSQL cuts', () => {
  let db: TestDatabase;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase('tx_connection_loss');
    prisma = new PrismaService(db.url, 1); // one connection: a leaked one leaves none
  });
  afterAll(async () => {
    await db.drop();
  });

  it('fails and gives its connection back (the next query runs)', async () => {
    const transaction = prisma.$transaction(async (tx) => {
      const [{ pid }] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
      await db.query('SELECT pg_terminate_backend($1)', [pid]);
      await tx.$queryRaw`SELECT 1`;
    });
    await expect(transaction).rejects.toThrow();
    const next = prisma.$queryRaw<Array<{ one: number }>>`SELECT 1 AS one`;
    expect(await within(next, 5_000)).toBe('done');
    await expect(next).resolves.toEqual([{ one: 1 }]);
  });

  it('a COMMIT that fails (the backend killed after the last statement) loses the write, gives the connection back, and $disconnect returns', async () => {
    await prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS commit_probe (id int PRIMARY KEY)');
    const transaction = prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO commit_probe (id) VALUES (1)`;
      const [{ pid }] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
      // The callback's last statement has run; the backend dies before Prisma sends COMMIT.
      await db.query('SELECT pg_terminate_backend($1)', [pid]);
      for (let i = 0; i < 100; i++) {
        const alive = await db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
        if (alive.length === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await expect(transaction).rejects.toThrow();
    // The pool has one connection: the next query runs only if the failed COMMIT released it.
    const next = prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM commit_probe`;
    expect(await within(next, 5_000)).toBe('done');
    await expect(next).resolves.toEqual([{ n: 0n }]);
    expect(await within(prisma.$disconnect(), 5_000)).toBe('done');
  });
});
