import { randomBytes } from 'node:crypto';
/** Where the tests find PostgreSQL and Redis (TEST_PG_ADMIN_URL, TEST_REDIS_URL); tools/test-services.mjs
 * checks both before a run and creates the role where it can. */
import { PG_ADMIN_URL, REDIS_URL } from '../../tools/test-services.mjs';

export { PG_ADMIN_URL, REDIS_URL };

/** This test run's id, set by the global setup: every database and Redis key a suite makes carries it,
 * so the run's teardown can sweep whatever a suite failed to remove. */
export function testRunId(): string {
  const id = process.env.LL_TEST_RUN;
  if (!id) throw new Error('LL_TEST_RUN is not set: run the tests through vitest (global setup)');
  return id;
}

/** A BullMQ/OCR-cache key prefix of one suite's own. */
export function testQueuePrefix(label: string): string {
  return `lltest-${testRunId()}-${label}-${randomBytes(3).toString('hex')}`;
}
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
