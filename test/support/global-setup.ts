import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { databaseUrl, PG_ADMIN_URL, TEMPLATE_DB } from './env';

const root = process.cwd();

/**
 * Once per test run: the built apps are current (end-to-end tests run dist/, like production) and a
 * template database carries every migration, so each suite clones its own database in ~100 ms.
 */
export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ['tools/build.mjs', '--if-stale', '--quiet'], { cwd: root, stdio: 'inherit' });
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  execFileSync(process.execPath, ['tools/prisma.mjs', 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl(TEMPLATE_DB) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
