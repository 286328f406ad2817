import { popcount32 } from './hash256';

/** Multi-index hashing finds every hash within 31 bits: 16 bands × (the band itself + its 16 one-bit flips). */
export const MIH_MAX_DISTANCE = 31;

export interface MihHit {
  /** Position of the hash in the order it was added. */
  index: number;
  distance: number;
}

/**
 * Multi-index hashing (Norouzi et al.) over the 16 bands of 16 bits of a PDQ hash, in memory. Two hashes
 * within 31 bits differ by at most 1 bit in some band (pigeonhole: 16 bands × 2 bits = 32 > 31), so a
 * lookup reads, per band, the rows whose band equals the probe's or one of its 16 one-bit flips, and checks
 * the full distance of those candidates only. Each band's table is a counting sort of the positions by
 * band value (65,537 offsets + one position per hash), so 1,000,000 hashes take 32 MB of words and 64 MB
 * of band tables, built in well under a second.
 */
export class PdqMihIndex {
  private readonly offsets: Uint32Array[] = [];
  private readonly positions: Uint32Array[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** @param words 8 words per hash (pdqWords), hash i at words[8i..8i+8). */
  constructor(private readonly words: Uint32Array) {
    const n = words.length / 8;
    this.seen = new Uint32Array(n);
    for (let band = 0; band < 16; band++) {
      const counts = new Uint32Array(65537);
      for (let i = 0; i < n; i++) counts[pdqBandAt(words, i, band) + 1]++;
      for (let v = 1; v <= 65536; v++) counts[v] += counts[v - 1];
      const next = counts.slice(0, 65536);
      const positions = new Uint32Array(n);
      for (let i = 0; i < n; i++) positions[next[pdqBandAt(words, i, band)]++] = i;
      this.offsets.push(counts);
      this.positions.push(positions);
    }
  }

  get size(): number {
    return this.seen.length;
  }

  /** Every hash within maxDistance (≤ 31) bits of the probe (8 words), in no particular order. */
  search(probe: Uint32Array, maxDistance: number): MihHit[] {
    if (maxDistance > MIH_MAX_DISTANCE) throw new Error(`multi-index hashing over 16 bands finds distances up to ${MIH_MAX_DISTANCE}, asked ${maxDistance}`);
    const hits: MihHit[] = [];
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    // Below 16 bits some band is equal, so the flips are not needed.
    const flips = maxDistance >= 16 ? 16 : 0;
    for (let band = 0; band < 16; band++) {
      const value = pdqBandAt(probe, 0, band);
      const offsets = this.offsets[band];
      const positions = this.positions[band];
      for (let f = -1; f < flips; f++) {
        const v = f < 0 ? value : value ^ (1 << f);
        for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
          const i = positions[k];
          if (this.seen[i] === this.stamp) continue;
          this.seen[i] = this.stamp;
          const d = distanceAt(this.words, i, probe, maxDistance);
          if (d <= maxDistance) hits.push({ index: i, distance: d });
        }
      }
    }
    return hits;
  }
}

/** The yardstick: every hash compared with the probe. */
export function linearSearch(words: Uint32Array, probe: Uint32Array, maxDistance: number): MihHit[] {
  const hits: MihHit[] = [];
  for (let i = 0, n = words.length / 8; i < n; i++) {
    const d = distanceAt(words, i, probe, maxDistance);
    if (d <= maxDistance) hits.push({ index: i, distance: d });
  }
  return hits;
}

/** Grows a word array as hashes arrive (a list is read from a stream or the database, size unknown). */
export class PdqWordsBuilder {
  private buffer = new Uint32Array(8 * 1024);
  private count = 0;

  push(words: Uint32Array): number {
    if ((this.count + 1) * 8 > this.buffer.length) {
      const bigger = new Uint32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer.set(words, this.count * 8);
    return this.count++;
  }

  /** The words added so far, trimmed (a copy: the builder may go on). */
  words(): Uint32Array {
    return this.buffer.slice(0, this.count * 8);
  }
}

/** Band `band` (0–15) of the hash at position i of a packed word array: band 2w is the high half of
 * word w (the hex's first 4 digits are band 0). */
export function pdqBandAt(words: Uint32Array, i: number, band: number): number {
  const word = words[i * 8 + (band >> 1)];
  return band & 1 ? word & 0xffff : word >>> 16;
}

function distanceAt(words: Uint32Array, i: number, probe: Uint32Array, stopAbove: number): number {
  let d = 0;
  const base = i * 8;
  for (let w = 0; w < 8 && d <= stopAbove; w++) d += popcount32(words[base + w] ^ probe[w]);
  return d;
}
