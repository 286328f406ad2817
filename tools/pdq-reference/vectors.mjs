#!/usr/bin/env node
// Regenerates the table in libs/pdq/src/lib/pdq-reference-vectors.spec.ts: the cases' pixels
// (syntheticRgb, integer arithmetic) are hashed by Meta's own Python reference (ThreatExchange
// pdq/python, imported from a checkout, not copied) through hash-raw.py.
//   node tools/build.mjs && node tools/pdq-reference/vectors.mjs <ThreatExchange checkout>/pdq/python
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reference = process.argv[2];
if (!reference) throw new Error('usage: vectors.mjs <ThreatExchange>/pdq/python');
const { syntheticRgb } = await import(new URL('../../dist/libs/pdq/src/lib/testing.js', import.meta.url).href);
// seed, width, height, shapes: sizes from tiny to the decoder's 1024 side, both orientations, and
// near-flat images (few shapes) for the quality metric.
const CASES = [[1, 64, 64], [2, 100, 73], [3, 333, 250], [4, 250, 333], [5, 512, 512], [6, 640, 480], [7, 31, 200], [8, 1024, 683], [9, 800, 600], [10, 480, 640], [11, 300, 200, 0], [12, 300, 200, 1], [13, 640, 480, 3], [14, 96, 96, 0]];
const dir = mkdtempSync(join(tmpdir(), 'pdq-vectors-'));
const cases = CASES.map(([seed, width, height, shapes = 30]) => {
  const file = join(dir, `${seed}.rgb`);
  writeFileSync(file, syntheticRgb(seed, width, height, shapes).data);
  return { seed, width, height, shapes, file };
});
const out = execFileSync('python3', [new URL('hash-raw.py', import.meta.url).pathname, reference, JSON.stringify(cases)], { encoding: 'utf8' });
for (const line of out.trim().split('\n')) {
  const r = JSON.parse(line);
  console.log(`  [${r.seed}, ${r.width}, ${r.height}, ${r.shapes}, ${r.quality}, '${r.hashes.join("', '")}'],`);
}
