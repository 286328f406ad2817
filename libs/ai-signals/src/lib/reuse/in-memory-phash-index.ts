import type { PublishedPhash } from '@listinglens/contracts';
import type { PhashIndex, PhashNeighbour } from './phash-index';

export interface StoredPhash {
  listingId: string;
  sellerId: string;
  imagePosition: number;
  phash: string;
  /** The centre hash (centre-hash.ts), when known: findNearCentre only sees images that have one. */
  centreHash?: string;
  /** The centre hash of the mirrored image, when known: findNearCentre compares the probes with both. */
  centreMirroredHash?: string;
}

const HEX64 = /^[0-9a-f]{16}$/i;

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const split = (hex: string): [number, number] => [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8), 16) >>> 0];

/** 64-bit hashes in two typed arrays (high and low 32 bits). */
class HashColumn {
  hi = new Uint32Array(1024);
  lo = new Uint32Array(1024);

  set(i: number, hex: string): void {
    if (i >= this.hi.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(Math.max(a.length * 2, i + 1));
        b.set(a);
        return b;
      };
      this.hi = grow(this.hi);
      this.lo = grow(this.lo);
    }
    [this.hi[i], this.lo[i]] = split(hex);
  }

  distance(i: number, qHi: number, qLo: number): number {
    return popcount32(this.hi[i] ^ qHi) + popcount32(this.lo[i] ^ qLo);
  }
}

/**
 * For tests and the CLI: hashes in typed arrays, compared with popcount. A linear pass, but a tight one
 * (see bench/eval-ai.ts for its time over 1,000,000 hashes). Keeps the centre hash beside the pHash, as the
 * PostgreSQL index does, so the CLI catches crops and mirrored copies too.
 */
export class InMemoryPhashIndex implements PhashIndex {
  private readonly phashes = new HashColumn();
  private readonly centres = new HashColumn();
  private readonly mirroredCentres = new HashColumn();
  private readonly entries: StoredPhash[] = [];

  add(entry: StoredPhash): void {
    if (!HEX64.test(entry.phash)) throw new Error(`not a 64-bit hex phash: ${entry.phash}`);
    for (const centre of [entry.centreHash, entry.centreMirroredHash]) {
      if (centre !== undefined && !HEX64.test(centre)) throw new Error(`not a 64-bit hex centre hash: ${centre}`);
    }
    const n = this.entries.length;
    this.phashes.set(n, entry.phash);
    if (entry.centreHash !== undefined) this.centres.set(n, entry.centreHash);
    if (entry.centreMirroredHash !== undefined) this.mirroredCentres.set(n, entry.centreMirroredHash);
    this.entries.push(entry);
  }

  /** The CLI's listings publish as they are scanned, so a later (or concurrent) listing sees them. */
  async publish(entry: PublishedPhash): Promise<void> {
    const { listingId, sellerId, imagePosition, phash, centreHash, centreMirroredHash } = entry;
    this.add({
      listingId,
      sellerId,
      imagePosition,
      phash,
      ...(centreHash === undefined ? {} : { centreHash }),
      ...(centreMirroredHash === undefined ? {} : { centreMirroredHash }),
    });
  }

  get size(): number {
    return this.entries.length;
  }

  async findNear(phash: string, maxDistance: number, excludeSellerId: string): Promise<PhashNeighbour[]> {
    const [qHi, qLo] = split(phash);
    const found: PhashNeighbour[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const distance = this.phashes.distance(i, qHi, qLo);
      if (distance > maxDistance) continue;
      const { listingId, sellerId, imagePosition } = this.entries[i];
      if (sellerId === excludeSellerId) continue;
      found.push({ listingId, sellerId, imagePosition, phash: this.entries[i].phash, distance });
    }
    return found.sort((a, b) => a.distance - b.distance);
  }

  async findNearCentre(probes: readonly string[], maxDistance: number, excludeSellerId: string): Promise<PhashNeighbour[]> {
    const qs = probes.map(split);
    const found: PhashNeighbour[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const { listingId, sellerId, imagePosition, centreHash, centreMirroredHash } = this.entries[i];
      if (sellerId === excludeSellerId) continue;
      // The nearest over both stored orientations, as the PostgreSQL index measures it.
      let distance = 65;
      let phash = '';
      for (const [column, stored] of [[this.centres, centreHash], [this.mirroredCentres, centreMirroredHash]] as const) {
        if (stored === undefined) continue;
        for (const [qHi, qLo] of qs) {
          const d = column.distance(i, qHi, qLo);
          if (d < distance) [distance, phash] = [d, stored];
        }
      }
      if (distance > maxDistance) continue;
      found.push({ listingId, sellerId, imagePosition, phash, distance });
    }
    return found.sort((a, b) => a.distance - b.distance);
  }
}
