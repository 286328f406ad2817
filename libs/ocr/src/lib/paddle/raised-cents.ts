import type { RgbRaster } from './raster';
import type { PpOcrLine } from './ppocr-settings';

/** Cents whose ink ends above this share of the units digit's height (from its top) are raised. */
const RAISED_BOTTOM = 0.7;
/** ...and are at most this share of its height tall. */
const RAISED_HEIGHT = 0.8;
/** Superscript digits, for a single raised digit read as the footnote mark it is. */
const SUPERSCRIPT = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
/** Ink after the units digit shorter than this share of its height is a mark, not a digit. */
const MARK_HEIGHT = 0.35;

/**
 * Price tags and brochures print cents raised and small ("2⁹⁹", "149⁹⁹"); the recogniser reads them as
 * "299" and "14999", which the price parser would take for 299 and 14999. For a run of three or more
 * digits on a line read left to right, this looks at the number's ink blobs in the raster (raisedFrom):
 * when everything after its last full-height digit stands clearly higher and is smaller, the line gets
 * the decimal point the print implies before the last two digits ("2.99"), when exactly two stand raised;
 * one raised digit is a footnote mark ("199¹"). Digits of one size (a real "1299") are left alone. `line` is in raster pixels.
 */
export function markRaisedCents(line: PpOcrLine, raster: RgbRaster): PpOcrLine {
  const chars = line.chars;
  if (!chars || chars.length !== line.text.length) return line;
  // Lines read turned 180° have their ranges right to left; their raster is upside down for this check.
  if (chars.length > 1 && chars[0][0] > chars[chars.length - 1][0]) return line;
  let text = line.text;
  let ranges = chars;
  let scores = line.charConfidence;
  // Right to left, so an insertion does not move the runs still to be checked.
  const runs = [...line.text.matchAll(/(?<![\d.,])\d{3,}(?![.,]?\d)/g)].reverse();
  if (runs.length === 0) return line;
  const ink = inkMask(raster, line);
  for (const run of runs) {
    const first = run.index ?? 0;
    const end = first + run[0].length;
    const from = raisedFrom(ink, [slot(chars, first, line)[0], slot(chars, end - 1, line)[1]]);
    if (from === null) continue;
    // Characters, not blobs, are counted: touching cents ("⁹⁹") make one blob. A character whose CTC
    // columns centre past the last full-height digit is one of the raised ones.
    let raised = 0;
    for (let k = first; k < end; k++) if ((chars[k][0] + chars[k][1]) / 2 > from) raised++;
    if (raised === 1) {
      // One raised digit after a price is a footnote mark ("199¹"), not cents: read as the superscript
      // it is, so no parser takes "1991" or "19.91" for the price.
      text = `${text.slice(0, end - 1)}${SUPERSCRIPT[Number(text[end - 1])]}${text.slice(end)}`;
      continue;
    }
    // Cents are exactly two digits; three or more raised glyphs are something else (a model number).
    if (raised !== 2) continue;
    const at = end - 2;
    const x = chars[at][0];
    text = `${text.slice(0, at)}.${text.slice(at)}`;
    ranges = [...ranges.slice(0, at), [x, x], ...ranges.slice(at)];
    if (scores) scores = [...scores.slice(0, at), Math.min(scores[at - 1], scores[at]), ...scores.slice(at)];
  }
  return text === line.text ? line : { ...line, text, chars: ranges, charConfidence: scores };
}

interface InkMask {
  /** 1 where the line box's pixel is ink (the minority side of an Otsu threshold), row-major. */
  data: Uint8Array;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** Which pixels of the line box are text: the darker or lighter side of Otsu's threshold, whichever
 * covers less of the box (text is thinner than its background, whatever its colour). */
function inkMask(raster: RgbRaster, line: PpOcrLine): InkMask {
  const x0 = Math.max(0, Math.floor(line.box.x));
  const y0 = Math.max(0, Math.floor(line.box.y));
  const x1 = Math.min(raster.width, Math.ceil(line.box.x + line.box.width));
  const y1 = Math.min(raster.height, Math.ceil(line.box.y + line.box.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const grey = new Uint8Array(width * height);
  const histogram = new Array<number>(256).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((y0 + y) * raster.width + x0 + x) * 3;
      const v = Math.round(0.299 * raster.data[i] + 0.587 * raster.data[i + 1] + 0.114 * raster.data[i + 2]);
      grey[y * width + x] = v;
      histogram[v]++;
    }
  }
  const t = otsu(histogram, grey.length);
  const dark = histogram.slice(0, t + 1).reduce((a, b) => a + b, 0);
  const inkIsDark = dark <= grey.length / 2;
  const data = grey.map((v) => ((v <= t) === inkIsDark ? 1 : 0));
  return { data, x0, y0, width, height };
}

function otsu(histogram: number[], total: number): number {
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v];
  let below = 0, belowSum = 0, best = 0, bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    below += histogram[t];
    belowSum += t * histogram[t];
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const meanBelow = belowSum / below;
    const meanAbove = (sum - belowSum) / above;
    const variance = below * above * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t;
    }
  }
  return best;
}

/** Character i's horizontal slot: between the midpoints to its neighbours' CTC columns (the columns mark
 * where the recogniser fired, not the glyph's edges). */
function slot(chars: Array<[number, number]>, i: number, line: PpOcrLine): [number, number] {
  const centre = (k: number) => (chars[k][0] + chars[k][1]) / 2;
  const left = i > 0 ? (centre(i - 1) + centre(i)) / 2 : line.box.x;
  const right = i < chars.length - 1 ? (centre(i) + centre(i + 1)) / 2 : line.box.x + line.box.width;
  return [left, right];
}

interface Blob {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Where the raised glyphs ending the number spanning [left, right) begin (x in raster pixels), or null
 * when it does not end raised: its ink
 * blobs (8-connected) are split at the right edge of the last full-height one; everything after it must
 * stand in the upper part and be smaller. Blobs, not the CTC columns, because the recogniser fires anywhere over a glyph, and
 * the small cents sit beside the units digit's upper half, where a column cut would mix them.
 */
function raisedFrom(ink: InkMask, [left, right]: [number, number]): number | null {
  const height = (b: Blob) => b.bottom - b.top + 1;
  // Glyphs only: a line box's edge often cuts a frame or panel border into a thin tall sliver.
  const blobs = inkBlobs(ink, Math.max(0, Math.floor(left) - ink.x0), Math.min(ink.width, Math.ceil(right) - ink.x0)).filter(
    (b) => (b.right - b.left + 1) * 6 > height(b),
  );
  const tallest = Math.max(0, ...blobs.map(height));
  if (tallest < 8) return null;
  const units = blobs
    .filter((b) => height(b) > RAISED_HEIGHT * tallest)
    .reduce<Blob | null>((last, b) => (!last || b.right > last.right ? b : last), null);
  if (!units) return null;
  const h = height(units);
  // Marks far smaller than a digit (the bar many brochures print under the cents, a footnote star) do not count.
  const after = blobs.filter((b) => b.left > units.right - 1 && height(b) > MARK_HEIGHT * h);
  const raised = after.every((b) => b.bottom < units.top + RAISED_BOTTOM * h && height(b) <= RAISED_HEIGHT * h);
  return raised ? ink.x0 + units.right + 1 : null;
}



/** 8-connected ink blobs whose centre lies in columns [a, b) of the mask. */
function inkBlobs(ink: InkMask, a: number, b: number): Blob[] {
  const seen = new Uint8Array(ink.data.length);
  const stack: number[] = [];
  const blobs: Blob[] = [];
  for (let y = 0; y < ink.height; y++) {
    for (let x = a; x < b; x++) {
      const start = y * ink.width + x;
      if (!ink.data[start] || seen[start]) continue;
      const blob: Blob = { left: x, right: x, top: y, bottom: y };
      seen[start] = 1;
      stack.push(start);
      while (stack.length) {
        const p = stack.pop() as number;
        const px = p % ink.width;
        const py = (p - px) / ink.width;
        blob.left = Math.min(blob.left, px);
        blob.right = Math.max(blob.right, px);
        blob.top = Math.min(blob.top, py);
        blob.bottom = Math.max(blob.bottom, py);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx, ny = py + dy;
            if (nx < 0 || ny < 0 || nx >= ink.width || ny >= ink.height) continue;
            const q = ny * ink.width + nx;
            if (ink.data[q] && !seen[q]) {
              seen[q] = 1;
              stack.push(q);
            }
          }
        }
      }
      const centre = (blob.left + blob.right) / 2;
      if (centre >= a && centre < b) blobs.push(blob);
    }
  }
  return blobs;
}

/**
 * Raised cents the detector boxed apart from their price ("2" and "99" when the print leaves a gap): a
 * two-digit line that starts where a number ends, stands in its upper part and is smaller, joins it as
 * its cents ("2.99"). Lines are in raster pixels; the joined line keeps the lower confidence.
 */
export function joinRaisedCents(lines: readonly PpOcrLine[]): PpOcrLine[] {
  const result = [...lines];
  const gone = new Set<number>();
  result.forEach((cents, i) => {
    if (!/^\d\d$/.test(cents.text)) return;
    const c = cents.box;
    const at = result.findIndex((price, k) => {
      if (k === i || gone.has(k) || !/(?:^|[^\d.,])\d{1,4}$/.test(price.text)) return false;
      const p = price.box;
      const gap = c.x - (p.x + p.width);
      return (
        gap > -0.3 * p.height &&
        gap < 0.25 * p.height &&
        c.height <= RAISED_HEIGHT * p.height &&
        c.y >= p.y - 0.2 * p.height &&
        c.y + c.height < p.y + RAISED_BOTTOM * p.height
      );
    });
    if (at < 0) return;
    const price = result[at];
    const x = Math.min(price.box.x, c.x);
    const y = Math.min(price.box.y, c.y);
    result[at] = {
      text: `${price.text}.${cents.text}`,
      confidence: Math.min(price.confidence, cents.confidence),
      box: { x, y, width: Math.max(price.box.x + price.box.width, c.x + c.width) - x, height: Math.max(price.box.y + price.box.height, c.y + c.height) - y },
      chars: price.chars && cents.chars ? [...price.chars, [c.x, c.x], ...cents.chars] : null,
      charConfidence:
        price.charConfidence && cents.charConfidence ? [...price.charConfidence, Math.min(price.confidence, cents.confidence), ...cents.charConfidence] : null,
    };
    gone.add(i);
  });
  return result.filter((_, i) => !gone.has(i));
}
