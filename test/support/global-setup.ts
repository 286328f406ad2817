import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { checkTestServices } from '../../tools/test-services.mjs';
import { databaseUrl, PG_ADMIN_URL } from './env';
import { deleteRedisKeys } from './redis-keys';

const root = process.cwd();

/**
 * Once per run of the integration tests (test/): the services answer (one line if not: `npm test`
 * checks first, this covers a direct `vitest`) and a template database of this run carries every migration, so each suite clones its own database in
 * ~100 ms. The teardown drops the template and sweeps every database and Redis key of this run a
 * suite left behind, and says so: a suite should clean up itself.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const problem = await checkTestServices();
  if (problem) throw new Error(problem);
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  process.env.LL_TEST_RUN = run;
  const template = `ll_test_tpl_${run}`;
  process.env.LL_TEST_TEMPLATE_DB = template;
  await admin(`CREATE DATABASE ${template}`);
  execFileSync(process.execPath, ['tools/prisma.mjs', 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl(template) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return async () => {
    await admin(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    const left = (await admin(`SELECT datname FROM pg_database WHERE datname LIKE 'll\\_test\\_${run}\\_%'`)).map((r) => String(r.datname));
    for (const name of left) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const keys = await deleteRedisKeys(`lltest-${run}-*`);
    if (left.length || keys) console.warn(`test teardown removed what suites left: ${left.length} databases, ${keys} Redis keys`);
  };
}

async function admin(sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
