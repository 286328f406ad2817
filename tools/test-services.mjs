// Before any test runs: PostgreSQL and Redis answer, and the tests' role exists. Each problem is ONE line
// saying which service and what to run (a newcomer's `npm test` used to end in "No test files found"
// and a pg stack trace). A missing role is created when a local superuser connection works (trust or
// peer auth as postgres, or root with runuser); only then, never by changing an existing role.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Redis } from 'ioredis';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://listinglens:listinglens@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENOENT']);

/** null when both services are ready, else the one line to print. */
export async function checkTestServices(pgUrl = PG_ADMIN_URL, redisUrl = REDIS_URL) {
  return (await checkPostgres(pgUrl)) ?? (await checkRedis(redisUrl));
}

async function tryQuery(config, sql = 'SELECT 1') {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return { rows: (await client.query(sql)).rows };
  } catch (error) {
    return { error };
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkPostgres(url) {
  const { error } = await tryQuery({ connectionString: url });
  if (!error) return null;
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 5432}`;
  if (UNREACHABLE.has(error.code) || /timeout/i.test(error.message)) {
    return `PostgreSQL is not running at ${where} (${error.code ?? error.message}): start it with \`${pgStartCommand()}\`, or set TEST_PG_ADMIN_URL`;
  }
  const user = decodeURIComponent(u.username);
  // 28000: no such role (trust/peer); 28P01: password refused, which is also what a missing role gets under scram.
  if (error.code !== '28000' && error.code !== '28P01') {
    return `PostgreSQL at ${where} refused the tests (${error.message}): set TEST_PG_ADMIN_URL to a role with CREATEDB`;
  }
  const create = `CREATE ROLE "${user}" LOGIN CREATEDB PASSWORD '${decodeURIComponent(u.password).replace(/'/g, "''")}'`;
  const exists = await asSuperuser(u, `SELECT 1 FROM pg_roles WHERE rolname = '${user.replace(/'/g, "''")}'`);
  if (exists?.length === 0 && (await asSuperuser(u, create)) && !(await tryQuery({ connectionString: url })).error) {
    console.error(`created PostgreSQL role ${user} (LOGIN CREATEDB) for the tests`);
    return null;
  }
  if (exists?.length) {
    return `PostgreSQL refused role "${user}" at ${where} (${error.message}): fix its password or pg_hba.conf, or set TEST_PG_ADMIN_URL`;
  }
  return `PostgreSQL role "${user}" does not exist at ${where}: run  sudo -u postgres psql -c "${create.replace(/"/g, '\\"')}"  (or set TEST_PG_ADMIN_URL)`;
}

/** Rows of `sql` run as a local superuser, or null when no such connection works here. */
export async function asLocalSuperuser(url, sql) {
  return asSuperuser(new URL(url), sql);
}

async function asSuperuser(u, sql) {
  const port = Number(u.port || 5432);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(u.hostname);
  if (!local) return null;
  const hosts = ['/var/run/postgresql', '/tmp'].filter((d) => existsSync(d)).concat(u.hostname);
  for (const user of new Set(['postgres', userInfo().username])) {
    for (const host of hosts) {
      const { rows } = await tryQuery({ host, port, user, database: 'postgres' }, sql);
      if (rows) return rows;
    }
  }
  // Peer auth: only the postgres OS user gets in over the socket; root can become it.
  if (process.getuid?.() === 0 && existsSync('/usr/sbin/runuser')) {
    try {
      const out = execFileSync('runuser', ['-u', 'postgres', '--', 'psql', '-X', '-q', '-tA', '-p', String(port), '-v', 'ON_ERROR_STOP=1', '-d', 'postgres', '-c', sql], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return out.split('\n').filter(Boolean).map((line) => ({ line }));
    } catch {
      return null;
    }
  }
  return null;
}

function pgStartCommand() {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (versions.length) return `pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`;
  return 'sudo service postgresql start';
}

async function checkRedis(url) {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause; // the socket's error ("ECONNREFUSED"); connect() itself only says the connection closed
  redis.on('error', (error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    const u = new URL(url);
    const port = u.port || 6379;
    return `Redis is not running at ${u.hostname}:${port} (${cause?.code ?? error.code ?? error.message}): start it with ` +
      `\`redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no\` (Debian: apt-get install redis-server), or set TEST_REDIS_URL`;
  } finally {
    redis.disconnect();
  }
}
