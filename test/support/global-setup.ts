import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { databaseUrl, PG_ADMIN_URL } from './env';

const root = process.cwd();

/**
 * Once per test run: the built apps are current (end-to-end tests run dist/, like production) and a
 * template database of this run carries every migration, so each suite clones its own database in
 * ~100 ms. Returns the teardown that drops the template.
 */
export default async function setup(): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['tools/build.mjs', '--if-stale', '--quiet'], { cwd: root, stdio: 'inherit' });
  const template = `ll_test_tpl_${process.pid}_${Date.now().toString(36)}`;
  process.env.LL_TEST_TEMPLATE_DB = template;
  await admin(`CREATE DATABASE ${template}`);
  execFileSync(process.execPath, ['tools/prisma.mjs', 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl(template) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return () => admin(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
