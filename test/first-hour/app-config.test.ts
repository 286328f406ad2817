import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const EXAMPLE_KEY = /^BOOTSTRAP_ADMIN_KEY=(.+)$/m.exec(readFileSync(`${root}/.env.example`, 'utf8'))?.[1];

/** A built app started with exactly `env` (plus PATH): it must refuse to start, saying why. */
function start(app: 'api' | 'worker', env: Record<string, string>) {
  return spawnSync(process.execPath, [`dist/apps/${app}/src/main.js`], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
}

describe('apps refuse a bad configuration with a clear message', () => {
  it('the worker without DATABASE_URL: the variable named, no stack trace', () => {
    const result = start('worker', {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^invalid worker configuration:\n {2}DATABASE_URL: /);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('the worker refuses bad AI-signal settings at start, each named, before any scanner is built', () => {
    const result = start('worker', { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', AI_DETECTOR_REMOTE: 'sightengine', AI_DETECTOR_ONNX_POOL_SIZE: 'two' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^invalid worker configuration:\n/);
    expect(result.stderr).toMatch(/^ {2}AI_DETECTOR_ONNX_POOL_SIZE: /m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('the api refuses the example admin key from .env.example outside development', () => {
    expect(EXAMPLE_KEY).toBeTruthy();
    const env = { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', BOOTSTRAP_ADMIN_KEY: EXAMPLE_KEY ?? '' };
    for (const NODE_ENV of ['production', '']) {
      const result = start('api', { ...env, ...(NODE_ENV ? { NODE_ENV } : {}) });
      expect(result.status, `NODE_ENV=${NODE_ENV}`).toBe(1);
      expect(result.stderr).toMatch(/BOOTSTRAP_ADMIN_KEY: is the published example key/);
    }
  });
});
