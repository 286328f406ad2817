// The interface lives in contracts: the PostgreSQL implementation (data-access) cannot import this lib.
export type { PhashIndex, PhashNeighbour } from '@listinglens/contracts';

/**
 * Hamming threshold for "the same photo", measured by `npm run eval:ai` (bench/ai/phash-threshold.ts) on
 * the 37 images of ../shared/corpus (products + provenance), each as a viewer sees it (rotation applied,
 * transparency on white). Edited copies, 90th percentile / max bits from the original: JPEG q50 4/12,
 * WebP 2/10, resize 25–150 % ≤ 2/8, 5 % crop 10/10, brightness ±10 % ≤ 4/18, text overlay 8/14, 10 % crop
 * 16/20, 3 % white border 14/30. Distinct images: nearest pair 16 bits apart, none of 666 pairs ≤ 14.
 * 12 keeps re-encodes, resizes, small crops and overlays and stays 4 bits under the nearest distinct
 * pair; heavier crops and borders are missed (pHash is not crop-invariant).
 */
export const REUSE_MAX_DISTANCE = 12;
