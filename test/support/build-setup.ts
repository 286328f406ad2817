import { execFileSync } from 'node:child_process';

/**
 * Once per test run, for unit specs and integration tests alike: the built apps are current. Worker
 * threads and child processes (OCR, pixel statistics) run their compiled entries from dist/, and the
 * end-to-end tests run dist/ like production.
 */
export default function setup(): void {
  // Both vitest projects list this setup; global setups run in the one main process, so once is enough.
  if (process.env.LL_TEST_BUILT) return;
  process.env.LL_TEST_BUILT = '1';
  execFileSync(process.execPath, ['tools/build.mjs', '--if-stale', '--quiet'], { cwd: process.cwd(), stdio: 'inherit' });
}
