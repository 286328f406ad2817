import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { asLocalSuperuser, checkTestServices, PG_ADMIN_URL } from '../../tools/test-services.mjs';

const root = process.cwd();

/** `npm test` (tools/test.mjs) with one service pointed at a port where nothing listens. */
function npmTestWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ['tools/test.mjs', 'test/first-hour/no-such-suite'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('npm test on a machine that is not ready', () => {
  it.each([
    ['PostgreSQL', { TEST_PG_ADMIN_URL: 'postgresql://listinglens:listinglens@127.0.0.1:1/postgres' }, /^PostgreSQL is not running at 127\.0\.0\.1:1 \(ECONNREFUSED\): start it with `.+`/],
    ['Redis', { TEST_REDIS_URL: 'redis://127.0.0.1:1' }, /^Redis is not running at 127\.0\.0\.1:1 \(ECONNREFUSED\): start it with `redis-server .+`/],
  ])('%s down: one line naming it and the command to start it, no stack, no "No test files found"', (_name, env, line) => {
    const result = npmTestWith(env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
    expect(result.stdout.trim()).toBe('0 passed, 1 failed');
  });

  it('a missing role is created where a local superuser connection works, and then connects', async () => {
    const superuser = await asLocalSuperuser(PG_ADMIN_URL, 'SELECT 1');
    if (!superuser) return expect.fail('no local superuser connection here: this machine cannot check role creation');
    const role = `ll_fh_${randomBytes(4).toString('hex')}`;
    const url = `postgresql://${role}:pw-${role}@127.0.0.1:${new URL(PG_ADMIN_URL).port || 5432}/postgres`;
    try {
      expect(await checkTestServices(url)).toBeNull();
      const client = new Client({ connectionString: url });
      await client.connect();
      const [row] = (await client.query('SELECT current_user AS who, rolcreatedb FROM pg_roles WHERE rolname = current_user')).rows;
      await client.end();
      expect(row).toEqual({ who: role, rolcreatedb: true });
    } finally {
      await asLocalSuperuser(PG_ADMIN_URL, `DROP ROLE IF EXISTS ${role}`);
    }
  });
});
