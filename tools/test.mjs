#!/usr/bin/env node
// `npm test`: every tier (unit, integration, end-to-end) in one vitest run against the real
// PostgreSQL and Redis, then the totals alone on the last line as "N passed, N failed".
// Extra arguments go to vitest (e.g. `npm test -- libs/pipeline`: unit specs only, no service needed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkTestServices } from './test-services.mjs';

const root = new URL('..', import.meta.url).pathname;
const report = join(root, 'tmp/vitest-report.json');
mkdirSync(join(root, 'tmp'), { recursive: true });
rmSync(report, { force: true });
// A service that is down is one line here, not vitest's "No test files found" and a stack trace.
// Unit specs alone (`npm test -- libs/pipeline`, `--project unit`) need no service.
const problem = unitOnly(process.argv.slice(2)) ? null : await checkTestServices();
if (problem) {
  console.error(problem);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);
if (!existsSync(report)) {
  console.log('0 passed, 1 failed');
  process.exit(result.status || 1);
}
const totals = JSON.parse(readFileSync(report, 'utf8'));
// A suite that failed to load counts as a failure even though none of its tests ran.
const brokenSuites = totals.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
// A run that failed outside any test (setup, a crash) still counts as a failure.
const failed = totals.numFailedTests + brokenSuites || (result.status === 0 ? 0 : 1);
const skipped = totals.numPendingTests + totals.numTodoTests;
// CI reads the last line, so the totals stand alone there; skipped tests get their own line before it.
if (skipped) console.log(`${skipped} skipped`);
console.log(`${totals.numPassedTests} passed, ${failed} failed`);
process.exit(result.status ?? 1);

function unitOnly(args) {
  if (args.includes('--project=unit') || args.join(' ').includes('--project unit')) return true;
  const paths = args.filter((a, i) => !a.startsWith('-') && !args[i - 1]?.startsWith('--project'));
  return paths.length > 0 && paths.every((p) => /^(\.\/)?(libs|apps)\//.test(p));
}
