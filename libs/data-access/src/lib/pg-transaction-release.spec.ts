import { describe, expect, it } from 'vitest';
import { releaseWhenEndFails } from './pg-transaction-release';

type Tx = Parameters<typeof releaseWhenEndFails>[0];

/** A transaction whose statements fail once its connection is "cut", counting its releases. */
function fakeTransaction() {
  const state = { cut: false, releases: 0, statements: [] as string[] };
  const tx = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    options: { usePhantomQuery: false },
    async executeRaw(query: { sql: string }) {
      state.statements.push(query.sql);
      if (state.cut) throw new Error('Client has encountered a connection error and is not queryable');
      return 0;
    },
    async queryRaw() {
      return { columnTypes: [], columnNames: [], rows: [] };
    },
    async commit() {
      state.releases++;
    },
    async rollback() {
      state.releases++;
    },
  } as unknown as Tx;
  return { tx, state };
}

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

describe('releaseWhenEndFails', () => {
  it('leaves a healthy transaction alone: COMMIT, then commit() releases once', async () => {
    const { tx, state } = fakeTransaction();
    const wrapped = releaseWhenEndFails(tx);
    await wrapped.executeRaw(statement('COMMIT'));
    await wrapped.commit();
    expect(state.releases).toBe(1);
    expect(wrapped.options).toEqual({ usePhantomQuery: false });
    expect(wrapped.provider).toBe('postgres');
  });

  it('releases the connection when ROLLBACK or COMMIT fails on a cut connection, and rethrows the error', async () => {
    for (const sql of ['ROLLBACK', 'COMMIT']) {
      const { tx, state } = fakeTransaction();
      const wrapped = releaseWhenEndFails(tx);
      state.cut = true;
      await expect(wrapped.executeRaw(statement(sql))).rejects.toThrow(/not queryable/);
      expect(state.releases).toBe(1);
      // A later commit()/rollback() (a Prisma that does release after a failed end) releases nothing twice.
      await wrapped.rollback();
      await wrapped.commit();
      expect(state.releases).toBe(1);
    }
  });

  it('does not release on a failed statement inside the transaction: Prisma still ends it', async () => {
    const { tx, state } = fakeTransaction();
    const wrapped = releaseWhenEndFails(tx);
    state.cut = true;
    await expect(wrapped.executeRaw(statement('UPDATE scans SET status = $1'))).rejects.toThrow();
    expect(state.releases).toBe(0);
    await expect(wrapped.executeRaw(statement('ROLLBACK'))).rejects.toThrow();
    expect(state.releases).toBe(1);
  });
});
