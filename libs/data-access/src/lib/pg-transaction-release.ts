import type { PrismaPg } from '@prisma/adapter-pg';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

/** What Prisma's transaction manager sends, through the transaction, to end an interactive transaction. */
const ENDING_STATEMENTS = new Set(['COMMIT', 'ROLLBACK']);

/**
 * The pg driver adapter, with every interactive transaction's connection returned to the pool even when
 * its COMMIT or ROLLBACK fails.
 *
 * Prisma 6.19's transaction manager ends a transaction by sending COMMIT (or ROLLBACK) through it and
 * only then calling its commit() (or rollback()), which is what releases the pool connection. When the
 * statement fails because the connection is gone (PostgreSQL restarted or failed over, the network
 * dropped it), commit()/rollback() is never called: the connection stays checked out for good. The pool
 * has one connection fewer for the rest of the process, and $disconnect (pool.end(), which waits for
 * every checked-out connection) never returns, so a Nest app's shutdown hooks stop there (seen in the
 * restart drill: the worker's BullMQ workers and Redis connections were never closed). Prisma fixed
 * the manager in prisma/orm#28468; until this repo runs a release with it, the release happens here.
 * pg-pool drops a connection that is no longer queryable instead of reusing it.
 */
export function releasingPgAdapter(factory: PrismaPg): PrismaPg {
  return delegate(factory, {
    connect: async () => {
      const adapter = await factory.connect();
      return delegate(adapter, {
        startTransaction: async (isolationLevel) => releaseWhenEndFails(await adapter.startTransaction(isolationLevel)),
      });
    },
  });
}

/** The transaction, releasing its connection when its COMMIT or ROLLBACK fails; released at most once. */
export function releaseWhenEndFails(tx: PgTransaction): PgTransaction {
  let released = false;
  const once = (release: () => Promise<void>) => async (): Promise<void> => {
    if (released) return;
    released = true;
    await release();
  };
  const commit = once(() => tx.commit());
  const rollback = once(() => tx.rollback());
  return delegate(tx, {
    commit,
    rollback,
    executeRaw: async (query) => {
      try {
        return await tx.executeRaw(query);
      } catch (err) {
        // The caller's error is the statement's; the release is all that is added.
        if (ENDING_STATEMENTS.has(query.sql.trim().toUpperCase())) await rollback().catch(() => undefined);
        throw err;
      }
    },
  });
}

/** `target` with some members replaced; every other member is the target's own (methods bound to it). */
function delegate<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}
