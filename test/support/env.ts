/** Where the tests find PostgreSQL and Redis (.ci/run makes sure both are up and the role exists). */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://listinglens:listinglens@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The migrated template of this test run (one per run, so concurrent runs never collide); set by
 * the global setup and inherited by the test workers through the environment. */
export function templateDb(): string {
  const name = process.env.LL_TEST_TEMPLATE_DB;
  if (!name) throw new Error('LL_TEST_TEMPLATE_DB is not set: run the tests through vitest (global setup)');
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
