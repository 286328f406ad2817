import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The files' promises as text (quick, anywhere); test/docker/compose-up.test.ts runs them for real where docker is.
const compose = readFileSync('docker-compose.yml', 'utf8');
const dockerfile = readFileSync('Dockerfile', 'utf8');

/** The block of each top-level service (lines indented under "services:"), by name. */
function services(): Record<string, string> {
  const body = compose.slice(compose.indexOf('\nservices:\n'), compose.indexOf('\nvolumes:\n'));
  const out: Record<string, string> = {};
  for (const part of body.split(/\n(?= {2}[a-z-]+:\n)/).slice(1)) out[part.trim().split(':')[0]] = part;
  return out;
}

describe('docker compose quick start', () => {
  it('builds one image once, with npm ci, and api, worker and migrate run that image', () => {
    expect(compose.match(/^\s+build:/gm)).toHaveLength(1);
    const s = services();
    for (const name of ['migrate', 'api', 'worker']) expect(s[name], name).toMatch(/image: listinglens:local/);
    expect(dockerfile).toMatch(/RUN npm ci /);
    expect(readFileSync('.dockerignore', 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules', '.env']));
  });

  it('has healthchecks on the api and the worker, the worker reading the heartbeat it writes', () => {
    const s = services();
    expect(s.api).toMatch(/healthcheck:/);
    expect(s.worker).toMatch(/healthcheck:[\s\S]*tools\/worker-healthcheck\.cjs/);
    expect(s.worker).toMatch(/WORKER_HEARTBEAT_FILE: \S+/);
  });

  it('publishes no admin key: BOOTSTRAP_ADMIN_KEY must be given', () => {
    expect(compose).toMatch(/BOOTSTRAP_ADMIN_KEY: \$\{BOOTSTRAP_ADMIN_KEY:\?/);
    expect(compose).not.toMatch(/change-me/);
  });
});
