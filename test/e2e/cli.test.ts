import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = process.cwd();
const cli = (...args: string[]) => run(process.execPath, ['dist/apps/cli/src/main.js', ...args], { cwd: root, timeout: 300_000 });

describe('CLI on examples/', () => {
  it('prints a readable report', async () => {
    const { stdout } = await cli('examples/listings.jsonl');
    expect(stdout).toContain('■ clean-1 (demo-shop)');
    expect(stdout).toContain('image.unreadable');
    expect(stdout).toMatch(/5 listings \(0 invalid\), 7 images \(1 with errors\)/);
  });

  it('writes valid JSON with the API shapes, from JSONL and CSV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-cli-'));
    await cli('examples/listings.jsonl', '--format', 'json', '--out', join(dir, 'out.json'));
    const report = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
    expect(report.summary).toMatchObject({ listings: 5, images: 7, imageErrors: 1 });
    expect(report.listings[0]).toMatchObject({ externalId: 'clean-1', findings: [] });
    expect(report.listings[0].images[0]).toEqual({
      position: 0,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      format: 'jpeg',
      width: 800,
      height: 800,
      error: null,
    });
    const csv = JSON.parse((await cli('examples/listings.csv', '--format', 'json')).stdout);
    expect(csv.listings.map((l: { externalId: string }) => l.externalId)).toEqual(['csv-1', 'csv-2']);
  });

  it('reports a bad input line and still scans the rest; bad flags exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-cli-'));
    const file = join(dir, 'in.jsonl');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{not json\n{"marketplace":"m","externalId":"x","sellerId":"s","title":"t","price":{"amount":"1","currency":"USD"},"images":[{"path":"nope.png"}]}\n');
    const out = JSON.parse((await cli(file, '--format', 'json')).stdout);
    expect(out.listings[0].error).toMatch(/not valid JSON/);
    expect(out.listings[1].images[0].error.code).toBe('image.fetch_failed');
    await expect(cli(file, '--format', 'xml')).rejects.toMatchObject({ code: 2 });
  });
});

describe('OpenAPI document', () => {
  it('the committed openapi.json matches the controllers (run `npm run openapi` after changing them)', async () => {
    const { stdout } = await run(process.execPath, ['dist/apps/api/src/openapi-cli.js', '--check'], { cwd: root, timeout: 60_000 });
    expect(stdout).toContain('openapi.json matches the code');
  });
});
