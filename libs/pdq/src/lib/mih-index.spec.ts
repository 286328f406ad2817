import { describe, expect, it } from 'vitest';
import { linearSearch, PdqMihIndex, PdqWordsBuilder } from './mih-index';

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** A copy of hash i with `bits` distinct bits flipped. */
function flipped(words: Uint32Array, i: number, bits: number, next: () => number): Uint32Array {
  const out = words.slice(i * 8, i * 8 + 8);
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(next() % 256);
  for (const b of chosen) out[b >> 5] ^= 1 << (b & 31);
  return out;
}

describe('PdqMihIndex', () => {
  const next = random(7);
  const builder = new PdqWordsBuilder();
  for (let i = 0; i < 20_000; i++) builder.push(Uint32Array.from({ length: 8 }, next));
  const words = builder.words();
  const index = new PdqMihIndex(words);

  it('finds what the linear scan finds, for every distance up to 31 bits (the pigeonhole bound)', () => {
    for (let bits = 0; bits <= 31; bits++) {
      const target = next() % index.size;
      const probe = flipped(words, target, bits, next);
      const sorted = (hits: Array<{ index: number; distance: number }>) => [...hits].sort((a, b) => a.index - b.index);
      expect(sorted(index.search(probe, 31))).toEqual(sorted(linearSearch(words, probe, 31)));
      expect(index.search(probe, 31)).toContainEqual({ index: target, distance: bits });
    }
  });

  it('keeps a hash at 32 bits out of a 31-bit search, and a 20-bit one out of a 15-bit search', () => {
    const target = 123;
    expect(index.search(flipped(words, target, 32, next), 31).map((h) => h.index)).not.toContain(target);
    expect(index.search(flipped(words, target, 20, next), 15).map((h) => h.index)).not.toContain(target);
    expect(index.search(flipped(words, target, 15, next), 15)).toContainEqual({ index: target, distance: 15 });
  });

  it('refuses a threshold multi-index hashing over 16 bands cannot guarantee', () => {
    expect(() => index.search(words.slice(0, 8), 32)).toThrow(/up to 31/);
  });
});
