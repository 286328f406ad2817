import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('CLI: image.reused across the listings of its input file (in-memory index)', () => {
  it("flags the second seller's copy of a photo, not the same seller's second listing", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-cli-reuse-'));
    await copyFile('examples/images/clean-product.jpg', join(dir, 'photo.jpg'));
    const line = (externalId: string, sellerId: string) =>
      JSON.stringify({ marketplace: 'm', externalId, sellerId, title: 'Bowl', price: { amount: '5.00', currency: 'USD' }, images: [{ path: 'photo.jpg' }] });
    await writeFile(join(dir, 'in.jsonl'), [line('a-1', 'seller-a'), line('a-2', 'seller-a'), line('b-1', 'seller-b')].join('\n'));
    const { stdout } = await run(process.execPath, ['dist/apps/cli/src/main.js', join(dir, 'in.jsonl'), '--format', 'json'], { timeout: 300_000 });
    const report = JSON.parse(stdout);
    const reused = (i: number) => report.listings[i].findings.filter((f: { code: string }) => f.code === 'image.reused');
    expect(reused(0)).toEqual([]);
    expect(reused(1)).toEqual([]); // same seller
    expect(reused(2)).toHaveLength(1);
    expect(reused(2)[0].evidence.matches.map((m: { listingId: string }) => m.listingId).sort()).toEqual(['m/a-1', 'm/a-2']);
  }, 300_000);
});
