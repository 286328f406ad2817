import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, PG_ADMIN_URL, templateDb, testRunId } from './env';

export interface TestDatabase {
  url: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A database of this suite's own, cloned from the migrated template; dropped after. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  // The run id lets the run's teardown drop what a suite left (PostgreSQL names stop at 63 bytes).
  const name = `ll_test_${testRunId()}_${label.replace(/\W/g, '_').slice(0, 24)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`));
  const url = databaseUrl(name);
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    drop: async () => {
      await client.end();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
