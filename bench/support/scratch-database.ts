import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the benchmarks use: DATABASE_URL's, or the local default. */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://listinglens:listinglens@127.0.0.1:5432/listinglens';

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A migrated database of the benchmark's own on the same server, dropped afterwards; `tree` is the
 * checkout whose migrations it gets (another build's, for a before/after). */
export async function createScratchDatabase(label: string, tree = process.cwd()): Promise<ScratchDatabase> {
  const name = `ll_bench_${label}_${randomBytes(3).toString('hex')}`;
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE ${name}`);
  await migrate(url.toString(), tree);
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

function migrate(databaseUrl: string, tree: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/prisma.mjs', 'migrate', 'deploy'], {
      cwd: tree,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited ${code}`))));
  });
}
