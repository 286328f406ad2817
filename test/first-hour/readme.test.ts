import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');

describe('README refers only to what a clone has', () => {
  it('names no document outside the repository and every file it names exists', () => {
    expect(readme).not.toMatch(/\.\.\/shared|DESIGN\.md|ENVIRONMENT\.md/);
    expect(readFileSync('.ci/run', 'utf8')).not.toMatch(/ENVIRONMENT\.md|\.\.\/shared/);
    // `path/like/this.ext` in backticks: files and folders the reader is sent to.
    const paths = [...readme.matchAll(/`((?:\.?[\w@+.-]+\/)+[\w@+.-]+\.(?:md|ts|mjs|cjs|json|jsonl|csv|png|jpg|yml|patch))`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });

  it('the service section creates the role and database .env.example points at, and posts an image it has', () => {
    const service = readme.slice(readme.indexOf('### The service'), readme.indexOf('### Docker'));
    const url = new URL(/^DATABASE_URL=(.+)$/m.exec(readFileSync('.env.example', 'utf8'))?.[1] ?? '');
    expect(service).toContain(`CREATE ROLE ${url.username} LOGIN CREATEDB PASSWORD '${url.password}'`);
    expect(service).toContain(`createdb -O ${url.username} ${url.pathname.slice(1)}`);
    expect(service).not.toMatch(/example\.com/);
    for (const [, image] of service.matchAll(/base64 < (\S+)/g)) expect(existsSync(image), image).toBe(true);
  });
});
