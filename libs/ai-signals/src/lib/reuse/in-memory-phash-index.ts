import type { PublishedPhash } from '@listinglens/contracts';
import type { PhashIndex, PhashNeighbour } from './phash-index';

export interface StoredPhash {
  listingId: string;
  sellerId: string;
  imagePosition: number;
  phash: string;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * For tests and the CLI: hashes in two typed arrays (high and low 32 bits), compared with popcount.
 * A linear pass, but a tight one (see bench/eval-ai.ts for its time over 1,000,000 hashes).
 */
export class InMemoryPhashIndex implements PhashIndex {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private readonly entries: StoredPhash[] = [];

  add(entry: StoredPhash): void {
    if (!/^[0-9a-f]{16}$/i.test(entry.phash)) throw new Error(`not a 64-bit hex phash: ${entry.phash}`);
    const n = this.entries.length;
    if (n === this.hi.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hi = grow(this.hi);
      this.lo = grow(this.lo);
    }
    this.hi[n] = parseInt(entry.phash.slice(0, 8), 16) >>> 0;
    this.lo[n] = parseInt(entry.phash.slice(8), 16) >>> 0;
    this.entries.push(entry);
  }

  /** The CLI's listings publish as they are scanned, so a later (or concurrent) listing sees them. */
  async publish(entry: PublishedPhash): Promise<void> {
    this.add({ listingId: entry.listingId, sellerId: entry.sellerId, imagePosition: entry.imagePosition, phash: entry.phash });
  }

  get size(): number {
    return this.entries.length;
  }

  async findNear(phash: string, maxDistance: number, excludeSellerId: string): Promise<PhashNeighbour[]> {
    const qHi = parseInt(phash.slice(0, 8), 16) >>> 0;
    const qLo = parseInt(phash.slice(8), 16) >>> 0;
    const found: PhashNeighbour[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const distance = popcount32(this.hi[i] ^ qHi) + popcount32(this.lo[i] ^ qLo);
      if (distance > maxDistance) continue;
      const entry = this.entries[i];
      if (entry.sellerId === excludeSellerId) continue;
      found.push({ ...entry, distance });
    }
    return found.sort((a, b) => a.distance - b.distance);
  }
}
