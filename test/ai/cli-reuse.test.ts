import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('CLI: image.reused across the listings of its input file (in-memory index)', () => {
  it("flags one of each pair of two sellers' copies of a photo, never the same seller's second listing", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-cli-reuse-'));
    await copyFile('examples/images/clean-product.jpg', join(dir, 'photo.jpg'));
    const line = (externalId: string, sellerId: string) =>
      JSON.stringify({ marketplace: 'm', externalId, sellerId, title: 'Bowl', price: { amount: '5.00', currency: 'USD' }, images: [{ path: 'photo.jpg' }] });
    await writeFile(join(dir, 'in.jsonl'), [line('a-1', 'seller-a'), line('a-2', 'seller-a'), line('b-1', 'seller-b')].join('\n'));
    const { stdout } = await run(process.execPath, ['dist/apps/cli/src/main.js', join(dir, 'in.jsonl'), '--format', 'json'], { timeout: 300_000 });
    const report = JSON.parse(stdout);
    const reused = (i: number) => report.listings[i].findings.filter((f: { code: string }) => f.code === 'image.reused');
    // Listings are scanned several at once and each publishes before it looks, so of two sellers' copies
    // at least one flags the other, whichever looked second (input order is not scan order: with PDQ in
    // the decode, a-1 now often looks after b-1 has published). The same seller's copies never flag each other.
    const matched = (i: number): string[] => reused(i).flatMap((f: { evidence: { matches: Array<{ listingId: string }> } }) => f.evidence.matches.map((m) => m.listingId));
    expect(matched(0)).not.toContain('m/a-2');
    expect(matched(1)).not.toContain('m/a-1');
    expect(matched(2).every((id) => id.startsWith('m/a-'))).toBe(true);
    for (const [i, id] of [[0, 'm/a-1'], [1, 'm/a-2']] as const) expect(matched(i).includes('m/b-1') || matched(2).includes(id), id).toBe(true);
  }, 300_000);
});
