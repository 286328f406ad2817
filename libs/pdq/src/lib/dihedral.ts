/**
 * The 8 rotations and flips of an image, taken from its 16×16 DCT instead of hashing 8 images. Mirroring
 * one axis multiplies the coefficient of frequency u along it by (-1)^u; the kept coefficients are
 * frequencies 1..16, so index i has sign -1 when i is even. Swapping the axes transposes the matrix.
 * Names are the reference's, so a matcher's "which variant" reads the same in both.
 */
export type DihedralVariant =
  | 'original'
  | 'rotate90'
  | 'rotate180'
  | 'rotate270'
  | 'flipX'
  | 'flipY'
  | 'flipPlus1'
  | 'flipMinus1';

interface Transform {
  name: DihedralVariant;
  /** Negate rows (vertical frequencies) with an even index: the image mirrored top to bottom. */
  negateRows: boolean;
  /** Negate columns with an even index: the image mirrored left to right. */
  negateCols: boolean;
  /** Then swap the axes. */
  transpose: boolean;
}

// Checked against hashing each turned or mirrored image directly (pdq-hash.spec.ts) and against the
// reference's own dih/ images (pdq-reference.spec.ts).
const TRANSFORMS: readonly Transform[] = [
  { name: 'original', negateRows: false, negateCols: false, transpose: false },
  { name: 'rotate90', negateRows: false, negateCols: true, transpose: true },
  { name: 'rotate180', negateRows: true, negateCols: true, transpose: false },
  { name: 'rotate270', negateRows: true, negateCols: false, transpose: true },
  { name: 'flipX', negateRows: true, negateCols: false, transpose: false },
  { name: 'flipY', negateRows: false, negateCols: true, transpose: false },
  { name: 'flipPlus1', negateRows: false, negateCols: false, transpose: true },
  { name: 'flipMinus1', negateRows: true, negateCols: true, transpose: true },
];

export const DIHEDRAL_VARIANTS: ReadonlyArray<{ name: DihedralVariant; apply(dct: Float64Array): Float64Array }> = TRANSFORMS.map((t) => ({
  name: t.name,
  apply: (dct: Float64Array) => {
    const out = new Float64Array(256);
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        const sign = (t.negateRows && i % 2 === 0) !== (t.negateCols && j % 2 === 0) ? -1 : 1;
        out[t.transpose ? j * 16 + i : i * 16 + j] = sign * dct[i * 16 + j];
      }
    }
    return out;
  },
}));

export const DIHEDRAL_VARIANT_NAMES: readonly DihedralVariant[] = TRANSFORMS.map((t) => t.name);
