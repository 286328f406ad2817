import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mirrored, pdqOf, photo } from './photos';

const run = promisify(execFile);

describe('CLI --match-list: images against PDQ hash lists, no server', () => {
  it("flags a listing whose image's mirror is on the list, not a different photo, and names the list's bad lines", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-cli-lists-'));
    const known = await photo(11);
    await writeFile(join(dir, 'copy.jpg'), await mirrored(known));
    await writeFile(join(dir, 'other.jpg'), await photo(12));
    await writeFile(join(dir, 'partner.csv'), `pdq,id,note\n${await pdqOf(known)},case-9,"counterfeit, box art"\nnot-a-hash,case-10,\n`);
    const line = (externalId: string, path: string) =>
      JSON.stringify({ marketplace: 'm', externalId, sellerId: 's', title: 'Bowl', price: { amount: '5.00', currency: 'USD' }, images: [{ path }] });
    await writeFile(join(dir, 'in.jsonl'), [line('copy', 'copy.jpg'), line('other', 'other.jpg')].join('\n'));
    const { stdout, stderr } = await run(
      process.execPath,
      ['dist/apps/cli/src/main.js', join(dir, 'in.jsonl'), '--format', 'json', '--match-list', join(dir, 'partner.csv'), '--ocr-engine', 'tesseract'],
      { timeout: 300_000 },
    );
    const report = JSON.parse(stdout);
    const listed = (i: number) => report.listings[i].findings.filter((f: { code: string }) => f.code === 'image.listed_match');
    expect(listed(0)).toHaveLength(1);
    expect(listed(0)[0].evidence.matches[0]).toMatchObject({ list: 'partner.csv', externalId: 'case-9', note: 'counterfeit, box art', variant: 'flipY' });
    expect(listed(0)[0].evidence.matches[0].distance).toBeLessThanOrEqual(31);
    expect(listed(1)).toEqual([]);
    expect(report.listings[0].images[0].pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(stderr).toContain('partner.csv: line 3: pdq: not a PDQ hash');
  }, 300_000);
});
