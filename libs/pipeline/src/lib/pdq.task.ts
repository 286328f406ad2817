// Worker-thread entry (run by CpuPool): PDQ and its 8 dihedral variants of the ≤ 1024-side decode,
// about 45 ms on a full-size photo, which on the event loop would hold up BullMQ's lock renewal and
// every other scan's I/O.
import { type PdqDihedralResult, type PdqPixels, pdqDihedral } from '@listinglens/pdq';

export function pdq(pixels: PdqPixels): PdqDihedralResult {
  return pdqDihedral(pixels);
}
