import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const examples = join(root, 'examples');
const line = (externalId: string, image: string, extra = {}) =>
  JSON.stringify({ marketplace: 'm', externalId, sellerId: 's', title: 'Blue ceramic bowl', price: { amount: '24.00', currency: 'USD' }, images: [{ path: image }], ...extra });
// The AI example's findings come from its PNG metadata (ai.undisclosed is high), the clean photo has none.
const AI = line('ai', 'images/ai-product.png');
const CLEAN = line('clean', 'images/clean-product.jpg');

interface Result { code: number | null; stdout: string; stderr: string }

/** Runs the built CLI; `stdin` is piped in when given. */
function cli(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...args], { cwd: options.cwd ?? root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'll-cli-exit-'));
});

describe('CLI exit codes a pipeline can gate on', () => {
  it('0 without findings at or above --fail-on, 1 with them; reads "-" from stdin', async () => {
    const clean = await cli(['-', '--fail-on', 'high'], { stdin: `${CLEAN}\n`, cwd: examples });
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/^scanned 1 listings .* exit 0: no finding at or above high$/m);
    const flagged = await cli(['-', '--fail-on', 'high', '--format', 'json'], { stdin: `${AI}\n${CLEAN}\n`, cwd: examples });
    expect(flagged.code).toBe(1);
    const report = JSON.parse(flagged.stdout);
    expect(report.listings.map((l: { externalId: string }) => l.externalId)).toEqual(['ai', 'clean']);
    expect(report.listings[0].findings.map((f: { code: string }) => f.code)).toContain('ai.undisclosed');
    expect(flagged.stderr).toMatch(/exit 1: \d+ findings at or above high/);
  });

  it('2 for an invalid line or an image that cannot be decoded, though the rest is scanned and reported', async () => {
    const result = await cli(['-', '--format', 'json'], { stdin: `{not json\n${line('bad-image', 'images/truncated.jpg')}\n${CLEAN}\n`, cwd: examples });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ listings: 3, invalidListings: 1, imageErrors: 1 });
    expect(result.stderr).toMatch(/exit 2: 1 invalid listings, 1 image errors/);
  });

  it('2 with one clear line for a missing or empty file, a CSV without a column, a bad flag', async () => {
    const missing = await cli([join(dir, 'nope.jsonl')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr.trim()).toMatch(/^listinglens scan: .*nope\.jsonl: cannot read it \(no such file\)$/);

    await writeFile(join(dir, 'empty.jsonl'), '\n\n');
    expect(await cli([join(dir, 'empty.jsonl')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no listings in it/) });
    expect(await cli(['-'], { stdin: '' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/stdin: no listings/) });

    await writeFile(join(dir, 'no-currency.csv'), 'marketplace,externalId,sellerId,title,price,images\nm,a,s,t,1,x.png\nm,b,s,t,2,y.png\n');
    const csv = await cli([join(dir, 'no-currency.csv')]);
    expect(csv.code).toBe(2);
    // One message for the file, not "price.currency: ..." once per row.
    expect(csv.stderr.trim().split('\n')).toEqual([expect.stringMatching(/the CSV header has no column currency; expected marketplace,/)]);

    for (const flags of [['--format', 'xml'], ['--fail-on', 'severe'], ['--no-such-flag']]) {
      const bad = await cli(['examples/listings.jsonl', ...flags]);
      expect(bad.code, flags.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('checks --out before scanning: a missing folder fails at once, nothing is scanned', async () => {
    const started = Date.now();
    const result = await cli(['examples/listings.jsonl', '--out', join(dir, 'missing', 'report.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^listinglens scan: --out .*: the folder .*missing does not exist$/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('checks --html the same way before scanning: a missing folder or a folder given as the file', async () => {
    let started = Date.now();
    const missing = await cli(['examples/listings.jsonl', '--html', join(dir, 'missing', 'report.html')]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(missing.code).toBe(2);
    // One line, no progress and no summary: nothing was scanned.
    expect(missing.stderr.trim()).toMatch(/^listinglens scan: --html .*: the folder .*missing does not exist$/);
    started = Date.now();
    const folder = await cli(['examples/listings.jsonl', '--html', dir]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(folder.code).toBe(2);
    expect(folder.stderr.trim()).toMatch(/^listinglens scan: --html .*: is a folder, give a file name$/);
  });

  it('writes the report to --out and only the summary line to stderr', async () => {
    const out = join(dir, 'report.json');
    const result = await cli(['-', '--out', out, '--format', 'json'], { stdin: `${CLEAN}\n`, cwd: examples });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^scanned 1 listings/)]);
    expect(JSON.parse(await readFile(out, 'utf8')).summary.listings).toBe(1);
  });
});
