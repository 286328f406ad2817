import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A newcomer's first minutes: a clone of this commit, `npm ci` (from the npm cache: no network in
// CI), then the README's quick-start scan exactly as written.
const root = process.cwd();
let dir: string;
let clone: string;

/** A plain shell's environment: nothing from the `npm test` that runs this. */
function env(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE_OPTIONS$|VITEST|LL_TEST_)/i.test(k)));
}

function sh(command: string, timeout = 300_000) {
  return spawnSync('sh', ['-c', command], { cwd: clone, env: env(), encoding: 'utf8', timeout });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'll-first-hour-'));
  clone = join(dir, 'listinglens');
  const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
  expect(cloned.status, cloned.stderr).toBe(0);
  const ci = sh('npm ci --offline --no-audit --no-fund', 600_000);
  expect(ci.status, ci.stderr.slice(-3000)).toBe(0);
}, 660_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a fresh clone', () => {
  it("the README's quick-start scan shows findings and exits 0; --fail-on high exits 1", () => {
    const quickStart = readFileSync(join(clone, 'README.md'), 'utf8').split('## Quick start')[1].split('```bash')[1].split('```')[0];
    const scanLine = quickStart.split('\n').find((l) => l.startsWith('npm run scan'));
    expect(scanLine).toBeDefined();
    const scan = sh((scanLine ?? '').replace(/#.*$/, ''));
    expect(scan.status, scan.stderr.slice(-3000)).toBe(0);
    expect(scan.stdout).toMatch(/■ ai-1 \(demo-shop\)[\s\S]*ai\.undisclosed/);
    expect(scan.stderr).toMatch(/^scanned 6 listings \(0 invalid\), 7 images \(0 with errors\), [1-9]\d* findings/m);

    const gate = sh('npm run --silent scan -- examples/listings.jsonl --fail-on high --format json');
    expect(gate.status).toBe(1);
    expect(JSON.parse(gate.stdout).summary.findings).toBeGreaterThan(0);
  });
});
