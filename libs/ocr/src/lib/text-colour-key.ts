import type { RawPixels } from './colour-panels';

/**
 * A line crop redrawn as its text alone: black where a pixel is near the text's colour, white elsewhere.
 * Overlay text is one colour laid over whatever the photo has under it (yellow kana across black trousers
 * and a white ground); tesseract thresholds by brightness, so the yellow is dark against the white and
 * light against the black, and came back as other glyphs ("一計ホホをンコ一" for クーポンコード). Keyed by
 * colour it reads "クーポンコード EXTRA15" at 0.90.
 *
 * The text's colour is the one that fills the crop's middle but stays off its top and bottom margin
 * rows, where the ground shows above and below the glyphs. Colours are counted in 8 × 8 × 8 bins; null
 * when no colour fills enough of the middle (the crop is then read as it is).
 */
export function keyTextColour(crop: RawPixels): Buffer | null {
  const { data, width, height, channels } = crop;
  if (channels < 3) return null;
  const margin = Math.max(1, Math.round(height * MARGIN_SHARE));
  if (height - 2 * margin < 2) return null;
  const bins = new Map<number, { middle: number; edge: number; sum: [number, number, number] }>();
  for (let y = 0; y < height; y++) {
    const edge = y < margin || y >= height - margin;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const key = ((data[i] >> 5) << 6) | ((data[i + 1] >> 5) << 3) | (data[i + 2] >> 5);
      let bin = bins.get(key);
      if (!bin) bins.set(key, (bin = { middle: 0, edge: 0, sum: [0, 0, 0] }));
      if (edge) {
        bin.edge++;
      } else {
        bin.middle++;
        bin.sum[0] += data[i];
        bin.sum[1] += data[i + 1];
        bin.sum[2] += data[i + 2];
      }
    }
  }
  const middleCount = width * (height - 2 * margin);
  const edgeCount = width * 2 * margin;
  let best: { score: number; colour: [number, number, number] } | null = null;
  for (const bin of bins.values()) {
    const middle = bin.middle / middleCount;
    if (middle < MIN_TEXT_SHARE) continue;
    const score = middle - EDGE_WEIGHT * (bin.edge / edgeCount);
    if (score > 0 && (!best || score > best.score)) {
      best = { score, colour: [bin.sum[0] / bin.middle, bin.sum[1] / bin.middle, bin.sum[2] / bin.middle] };
    }
  }
  if (!best) return null;
  const [r, g, b] = best.colour;
  const out = Buffer.alloc(width * height, 255);
  for (let p = 0; p < width * height; p++) {
    const i = p * channels;
    if (Math.hypot(data[i] - r, data[i + 1] - g, data[i + 2] - b) < NEAR) out[p] = 0;
  }
  return out;
}

/** Rows at the top and bottom of the crop taken for its ground (the re-reader's margin is 0.15 × the line). */
const MARGIN_SHARE = 0.12;
/** Least share of the crop's middle a text colour covers (strokes of a line fill 10–30 %). */
const MIN_TEXT_SHARE = 0.03;
/** How much a colour's presence in the margin rows counts against it: ground is there, text is not. */
const EDGE_WEIGHT = 3;
/** RGB distance within which a pixel is the text's colour: anti-aliased stroke edges and JPEG noise. */
const NEAR = 80;
