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
  it('prints a readable report, findings from metadata included, and exits 0 without --fail-on', async () => {
    const { stdout, stderr } = await cli('examples/listings.jsonl');
    expect(stdout).toContain('■ clean-1 (demo-shop)');
    // ai.* come from the PNG's metadata, not from OCR: they hold whatever the OCR engine reads.
    expect(stdout).toMatch(/■ ai-1 \(demo-shop\)[\s\S]*ai\.provenance[\s\S]*ai\.undisclosed/);
    expect(stdout).toMatch(/6 listings \(0 invalid\), 7 images \(0 with errors\)/);
    expect(stderr).toMatch(/^scanned 6 listings \(0 invalid\), 7 images \(0 with errors\), \d+ findings .* — exit 0/m);
  });

  it('writes valid JSON with the API shapes, from JSONL and CSV', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-cli-'));
    await cli('examples/listings.jsonl', '--format', 'json', '--out', join(dir, 'out.json'));
    const report = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
    expect(report.summary).toMatchObject({ listings: 6, images: 7, imageErrors: 0 });
    expect(report.listings[0]).toMatchObject({ externalId: 'clean-1', findings: [] });
    expect(report.listings[0].images[0]).toEqual({
      position: 0,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      format: 'jpeg',
      width: 800,
      height: 800,
      pdq: expect.stringMatching(/^[0-9a-f]{64}$/),
      pdqQuality: expect.any(Number),
      error: null,
    });
    const csv = JSON.parse((await cli('examples/listings.csv', '--format', 'json')).stdout);
    expect(csv.listings.map((l: { externalId: string }) => l.externalId)).toEqual(['csv-1', 'csv-2']);
  });

  it('reports bad lines and bad images (examples/bad-input.jsonl) and still scans the rest', async () => {
    const failure = await cli('examples/bad-input.jsonl', '--format', 'json').catch((err: { code: number; stdout: string }) => err);
    expect(failure).toMatchObject({ code: 2 });
    const out = JSON.parse((failure as { stdout: string }).stdout);
    expect(out.listings[0].images[0].error.code).toBe('image.unreadable');
    expect(out.listings[1].error).toMatch(/price/);
  });
});

describe('OpenAPI document', () => {
  it('the committed openapi.json matches the controllers (run `npm run openapi` after changing them)', async () => {
    const { stdout } = await run(process.execPath, ['dist/apps/api/src/openapi-cli.js', '--check'], { cwd: root, timeout: 60_000 });
    expect(stdout).toContain('openapi.json matches the code');
  });
});
