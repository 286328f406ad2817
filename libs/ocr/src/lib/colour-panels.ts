import type { Box } from '@listinglens/contracts';

/** Raw interleaved pixels (1, 3 or 4 channels), as sharp's raw output gives them. */
export interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

export interface PanelLimits {
  /** Smallest panel, in pixels of the image searched. */
  minWidth: number;
  minHeight: number;
  /** Panels larger than this share of the image are its background; the main pass reads those. All
   * panels together stay under it too. */
  maxShareOfImage: number;
  /** Share of the bounding box that must be saturated colour: a badge or button, not a colourful photo. */
  minFill: number;
  maxPanels: number;
}

/** A panel's box in the image's pixels and its colour (mean of the panel's sampled pixels). */
export interface ColourPanel extends Box {
  colour: [number, number, number];
}

export const DEFAULT_PANEL_LIMITS: PanelLimits = { minWidth: 40, minHeight: 20, maxShareOfImage: 0.5, minFill: 0.6, maxPanels: 6 };

/** Vivid colour (red, pink, orange, blue...): far from grey and not dark. White text on it stays unsaturated. */
function saturated(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  return max >= 120 && max - Math.min(r, g, b) >= 100;
}

/**
 * Finds solid areas of saturated colour (badges, buttons, coupon strips, price bursts): light text on
 * them is what a whole-image OCR pass loses, because tesseract thresholds each colour channel and a
 * red badge is "light" in the red channel, so badge and text merge into one blob. Connected components
 * of the saturated-pixel mask on a grid of at most `grid` cells per side; boxes in the image's pixels,
 * largest first.
 */
export function findColourPanels(image: RawPixels, limits: PanelLimits = DEFAULT_PANEL_LIMITS, grid = 256): ColourPanel[] {
  if (image.channels < 3) return [];
  const step = Math.max(1, Math.ceil(Math.max(image.width, image.height) / grid));
  const cols = Math.ceil(image.width / step);
  const rows = Math.ceil(image.height / step);
  const mask = new Uint8Array(cols * rows);
  // The cell's centre pixel stands for the cell.
  const pixelAt = (cell: number): number => {
    const cx = cell % cols;
    const x = Math.min(image.width - 1, cx * step + (step >> 1));
    const y = Math.min(image.height - 1, ((cell - cx) / cols) * step + (step >> 1));
    return (y * image.width + x) * image.channels;
  };
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < cols; cx++) {
      const i = pixelAt(cy * cols + cx);
      if (saturated(image.data[i], image.data[i + 1], image.data[i + 2])) mask[cy * cols + cx] = 1;
    }
  }
  const panels: ColourPanel[] = [];
  const queue = new Int32Array(cols * rows);
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    // Flood fill (4-neighbour); visited cells are marked 2.
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    mask[start] = 2;
    let [minX, minY, maxX, maxY, count] = [cols, rows, 0, 0, 0];
    const sum = [0, 0, 0];
    while (head < tail) {
      const cell = queue[head++];
      const cx = cell % cols;
      const cy = (cell - cx) / cols;
      const p = pixelAt(cell);
      for (let c = 0; c < 3; c++) sum[c] += image.data[p + c];
      count++;
      minX = Math.min(minX, cx);
      maxX = Math.max(maxX, cx);
      minY = Math.min(minY, cy);
      maxY = Math.max(maxY, cy);
      for (const next of [cx > 0 ? cell - 1 : -1, cx < cols - 1 ? cell + 1 : -1, cy > 0 ? cell - cols : -1, cy < rows - 1 ? cell + cols : -1]) {
        if (next >= 0 && mask[next] === 1) {
          mask[next] = 2;
          queue[tail++] = next;
        }
      }
    }
    const cellsW = maxX - minX + 1;
    const cellsH = maxY - minY + 1;
    const box = { x: minX * step, y: minY * step, width: Math.min(image.width - minX * step, cellsW * step), height: Math.min(image.height - minY * step, cellsH * step) };
    const fill = count / (cellsW * cellsH);
    const share = (box.width * box.height) / (image.width * image.height);
    if (box.width >= limits.minWidth && box.height >= limits.minHeight && share <= limits.maxShareOfImage && fill >= limits.minFill) {
      const colour = sum.map((v) => Math.round(v / count)) as [number, number, number];
      panels.push({ ...box, colour });
    }
  }
  // Together, too, panels stay under maxShareOfImage, so the pass adds at most half the image's OCR work.
  let budget = limits.maxShareOfImage * image.width * image.height;
  return panels
    .sort((a, b) => b.width * b.height - a.width * a.height)
    .filter((panel) => (budget -= panel.width * panel.height) >= 0)
    .slice(0, limits.maxPanels);
}

/**
 * The panel as OCR should see it: grey = 255 − (distance from the panel's colour), so the panel turns
 * white and anything drawn on it in another colour (white, yellow, black text) turns dark. One channel,
 * raw pixels.
 */
export function panelPixels(image: RawPixels, panel: ColourPanel): { data: Buffer; width: number; height: number } {
  const [r, g, b] = panel.colour;
  const out = Buffer.alloc(panel.width * panel.height);
  for (let y = 0; y < panel.height; y++) {
    let i = ((panel.y + y) * image.width + panel.x) * image.channels;
    for (let x = 0; x < panel.width; x++, i += image.channels) {
      const distance = Math.abs(image.data[i] - r) + Math.abs(image.data[i + 1] - g) + Math.abs(image.data[i + 2] - b);
      out[y * panel.width + x] = 255 - Math.min(255, Math.round(distance * 1.5));
    }
  }
  return { data: out, width: panel.width, height: panel.height };
}
