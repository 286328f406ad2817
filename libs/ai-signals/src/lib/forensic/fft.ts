/** In-place radix-2 complex FFT (n a power of two). Small and dependency-free; n ≤ 1024 here. */
export function fftInPlace(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    for (let start = 0; start < n; start += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = start + k;
        const b = a + len / 2;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
        const next = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = next;
      }
    }
  }
}

/** Power spectrum |F|² of an n×n real image (row-major), n a power of two. */
export function powerSpectrum2d(values: Float64Array, n: number): Float64Array {
  const re = new Float64Array(values);
  const im = new Float64Array(n * n);
  const rowRe = new Float64Array(n);
  const rowIm = new Float64Array(n);
  for (let pass = 0; pass < 2; pass++) {
    for (let line = 0; line < n; line++) {
      for (let i = 0; i < n; i++) {
        const at = pass === 0 ? line * n + i : i * n + line;
        rowRe[i] = re[at];
        rowIm[i] = im[at];
      }
      fftInPlace(rowRe, rowIm);
      for (let i = 0; i < n; i++) {
        const at = pass === 0 ? line * n + i : i * n + line;
        re[at] = rowRe[i];
        im[at] = rowIm[i];
      }
    }
  }
  const power = new Float64Array(n * n);
  for (let i = 0; i < power.length; i++) power[i] = re[i] * re[i] + im[i] * im[i];
  return power;
}
