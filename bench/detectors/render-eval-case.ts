/**
 * Draws an evaluation case onto its product photo with sharp + SVG (as test/ocr/support/render-overlay.ts
 * does, same CJK font), then degrades it as the case says (2× down/up, JPEG quality). Deterministic: the
 * same case and photo give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { CaseStyle, EvalCase } from './eval-cases';

/** The CJK font .ci/run installs (fonts-wqy-zenhei); DejaVu Sans for some Latin-only lines. */
const ZENHEI = 'WenQuanYi Zen Hei';
const DEJAVU = 'DejaVu Sans';

/**
 * Refuses to evaluate without the CJK font: librsvg draws nothing for glyphs no installed font has, so
 * every Chinese, Japanese and Korean case would silently become a miss (seen on a fresh machine: zh
 * recall 0 %, the eval still "ran").
 */
export function requireEvalFonts(): void {
  let families = '';
  try {
    families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig tool to ask: sharp may still find the fonts; the figures will show it if not.
    return;
  }
  if (!families.includes(ZENHEI)) {
    throw new Error(`eval:detectors draws its cases in "${ZENHEI}", which is not installed (Debian: apt-get install fonts-wqy-zenhei; .ci/run installs it). Without it no CJK text is drawn and every zh/ja/ko case is a miss.`);
  }
}
/** Photos are brought to at most this long side before drawing (the reader detects at 960 px anyway). */
const BASE_LONG_SIDE = 1200;
const MAX_LONG_SIDE = 2400;
/** No text ends up smaller than this many pixels high, whatever the scaling: a reviewer must read it. */
const MIN_FINAL_TEXT_PX = 14;

// [panel, text] pairs per look.
const SOLID: [string, string][] = [
  ['#d62828', '#ffffff'], ['#111111', '#ffd60a'], ['#ffd60a', '#111111'], ['#ffffff', '#d62828'], ['#1d3557', '#ffffff'], ['#ff2d55', '#ffffff'],
  ['#2a9d8f', '#ffffff'], ['#f77f00', '#ffffff'], ['#000000', '#ffffff'], ['#fff3b0', '#9d0208'], ['#e63946', '#f1faee'], ['#264653', '#e9c46a'],
];
// Text about half as bright again as its panel, or less: readable, not crisp (contrast ≈ 1.8–2.4:1).
const LOW_CONTRAST: [string, string][] = [
  ['#e6e6e6', '#9a9a9a'], ['#f5efe0', '#b8a884'], ['#303030', '#777777'], ['#dbe7f0', '#8aa3b8'], ['#2b3a55', '#6f82a8'], ['#f0d9d9', '#b98585'],
];
// [fill, stroke] for text laid straight over the product: always with a halo, as sellers draw it.
const ACROSS: [string, string][] = [['#ffffff', '#000000'], ['#d62828', '#ffffff'], ['#111111', '#ffffff'], ['#ffd60a', '#111111'], ['#ffffff', '#d62828'], ['#1d3557', '#ffffff']];

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isWide = (ch: string): boolean => (ch.codePointAt(0) ?? 0) >= 0x2e80;

/** Estimated advance of a line at a size (CJK/kana/Hangul one em; Latin by glyph class). */
export function textWidth(text: string, size: number, font: string): number {
  const latin = font === DEJAVU ? 0.62 : 0.56;
  let w = 0;
  for (const ch of text) {
    if (isWide(ch)) w += 1;
    else if (ch === ' ') w += 0.32;
    else if (/[.,:;'!|il]/.test(ch)) w += 0.3;
    else if (/[A-Z#%@$€£¥￥₩MW]/.test(ch)) w += latin * 1.15;
    else w += latin;
  }
  return w * size;
}

interface Block {
  lines: string[];
  size: number;
  font: string;
  weight: string;
  width: number;
  height: number;
}

function block(lines: string[], size: number, style: CaseStyle): Block {
  const font = lines.some((l) => [...l].some(isWide)) || style.latinFont === 'zenhei' ? ZENHEI : DEJAVU;
  const plain = lines.map((l) => l.replace('»', ''));
  return {
    lines,
    size,
    font,
    weight: style.bold ? 'bold' : 'normal',
    width: Math.max(...plain.map((l) => textWidth(l, size, font))),
    height: lines.length * size * 1.3,
  };
}

/** Shrinks a block until it fits in the given room. */
function fit(lines: string[], size: number, style: CaseStyle, maxW: number, maxH: number, minSize: number): Block {
  let b = block(lines, size, style);
  while ((b.width > maxW || b.height > maxH) && b.size > minSize) b = block(lines, Math.max(minSize, b.size * 0.92), style);
  return b;
}

function textRows(b: Block, x: number, y: number, fill: string, opts: { stroke?: string; anchor?: 'start' | 'middle' } = {}): string {
  const stroke = opts.stroke ? ` stroke="${opts.stroke}" stroke-width="${Math.max(1.5, b.size / 10).toFixed(1)}" stroke-linejoin="round" paint-order="stroke"` : '';
  return b.lines
    .map((line, i) => {
      const ty = y + i * b.size * 1.3 + b.size * 0.95;
      return `<text x="${x.toFixed(1)}" y="${ty.toFixed(1)}" font-family="${b.font}" font-size="${b.size.toFixed(1)}" font-weight="${b.weight}" fill="${fill}"${stroke} text-anchor="${opts.anchor ?? 'start'}" xml:space="preserve">${xml(line.replace('»', ''))}</text>`;
    })
    .join('');
}

/** The SVG overlay for a case on a W×H image; `scale` is what the finished image will be scaled by. */
export function overlaySvg(c: EvalCase, W: number, H: number, scale: number): string {
  const s = c.style;
  const minSize = MIN_FINAL_TEXT_PX / scale;
  const size = Math.max(minSize, s.fontShare * W);
  const parts: string[] = [];
  const [panel, ink] = SOLID[s.palette % SOLID.length];
  const pad = (b: Block) => b.size * 0.45;

  if (c.placement === 'top_banner' || c.placement === 'bottom_banner' || c.placement === 'edge_cut' || (c.placement === 'split' && s.palette % 2 === 0)) {
    const top = c.placement === 'top_banner' || (c.placement !== 'bottom_banner' && s.posY < 0.5);
    let b = fit(c.lines, size, s, W * 0.92, H * 0.45, minSize);
    const p = pad(b);
    const y = top ? 0 : H - b.height - 2 * p;
    parts.push(`<rect x="0" y="${y.toFixed(1)}" width="${W}" height="${(b.height + 2 * p).toFixed(1)}" fill="${panel}" fill-opacity="0.92"/>`);
    if (c.placement === 'edge_cut') {
      // The cut line starts so that the image edge falls inside its tail: what comes before stays whole.
      b = edgeCutRows(b, W, s, minSize);
      parts.push(...edgeRows(b, W, y + p, ink, s));
    } else {
      const x = W * 0.04 + (W * 0.92 - b.width) * s.posX;
      parts.push(textRows(b, x, y + p, ink));
    }
  } else if (c.placement === 'sticker' || c.placement === 'split' || c.placement === 'low_contrast') {
    const rotate = c.placement === 'sticker';
    const [bg, fg] = c.placement === 'low_contrast' ? LOW_CONTRAST[s.palette % LOW_CONTRAST.length] : [panel, ink];
    const b = fit(c.lines, size, s, W * (rotate ? 0.75 : 0.9), H * 0.6, minSize);
    const p = pad(b);
    const w = b.width + 2 * p;
    const h = b.height + 2 * p;
    const reach = rotate ? Math.hypot(w, h) / 2 : 0;
    const cx = clampCentre(s.posX, W, rotate ? reach : w / 2);
    const cy = clampCentre(s.posY, H, rotate ? reach : h / 2);
    const body = `<rect x="${(cx - w / 2).toFixed(1)}" y="${(cy - h / 2).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="${(b.size * 0.3).toFixed(1)}" fill="${bg}"/>${textRows(b, cx - b.width / 2, cy - h / 2 + p, fg)}`;
    parts.push(rotate ? `<g transform="rotate(${s.rotation.toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})">${body}</g>` : body);
  } else if (c.placement === 'seal') {
    const b = fit(c.lines, size, s, W * 0.6, H * 0.4, minSize);
    const r = Math.max(b.width, b.height) / 2 + b.size * 0.7;
    const cx = clampCentre(s.posX, W, r);
    const cy = clampCentre(s.posY, H, r);
    parts.push(
      `<g transform="rotate(${s.rotation.toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})">` +
        `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${panel}"/>` +
        `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${(r - b.size * 0.25).toFixed(1)}" fill="none" stroke="${ink}" stroke-width="${Math.max(1, b.size / 12).toFixed(1)}"/>` +
        textRows(b, cx, cy - b.height / 2, ink, { anchor: 'middle' }) +
        '</g>',
    );
  } else if (c.placement === 'corner') {
    const b = fit(c.lines, size, s, W * 0.6, H * 0.4, minSize);
    const m = W * 0.02;
    const x = s.corner === 1 || s.corner === 2 ? W - m - b.width : m;
    const y = s.corner >= 2 ? H - m - b.height : m;
    if (s.palette % 2 === 0) parts.push(`<rect x="${(x - m / 2).toFixed(1)}" y="${(y - m / 2).toFixed(1)}" width="${(b.width + m).toFixed(1)}" height="${(b.height + m).toFixed(1)}" fill="#ffffff" fill-opacity="0.75"/>`);
    parts.push(textRows(b, x, y, s.palette % 3 === 0 ? '#555555' : '#222222'));
  } else if (c.placement === 'across') {
    const [fill, stroke] = ACROSS[s.palette % ACROSS.length];
    const b = fit(c.lines, size * 1.2, s, W * 0.9, H * 0.6, minSize);
    const cy = H * (0.35 + 0.3 * s.posY) - b.height / 2;
    parts.push(textRows(b, W / 2, cy, fill, { stroke, anchor: 'middle' }));
  }
  parts.push(...extrasSvg(c, W, H, minSize));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

/** Shrinks an edge-cut block until every line's kept part fits inside the image. */
function edgeCutRows(b: Block, W: number, s: CaseStyle, minSize: number): Block {
  let out = b;
  const kept = (line: string, size: number): number => {
    const [head, tail = ''] = line.split('»');
    return textWidth(head, size, out.font) + s.visibleTail * textWidth(tail, size, out.font);
  };
  while (out.size > minSize && out.lines.some((l) => kept(l, out.size) > W * 0.96)) out = block(out.lines, Math.max(minSize, out.size * 0.92), s);
  return out;
}

function edgeRows(b: Block, W: number, y: number, ink: string, s: CaseStyle): string[] {
  return b.lines.map((line, i) => {
    const [head, tail = ''] = line.split('»');
    const x = line.includes('»') ? W - textWidth(head, b.size, b.font) - s.visibleTail * textWidth(tail, b.size, b.font) : W * 0.04;
    return textRows({ ...b, lines: [line] }, Math.max(2, x), y + i * b.size * 1.3, ink);
  });
}

/** Livestream cues around the screen: a buy button bottom right, counts top right, comments bottom left. */
function extrasSvg(c: EvalCase, W: number, H: number, minSize: number): string[] {
  const spots = [
    { corner: 2, bg: '#ff2d55', fg: '#ffffff' },
    { corner: 1, bg: '#000000', fg: '#ffffff' },
    { corner: 3, bg: '#000000', fg: '#ffffff' },
  ];
  return c.extras.map((lines, i) => {
    const spot = spots[(i + (lines.length > 1 ? 2 : 0)) % spots.length];
    const b = fit(lines, Math.max(minSize, W * 0.042), c.style, W * 0.45, H * 0.3, minSize);
    const p = b.size * 0.4;
    const m = W * 0.03;
    const x = spot.corner === 1 || spot.corner === 2 ? W - m - b.width - 2 * p : m;
    const y = spot.corner >= 2 ? H - m - b.height - 2 * p : m;
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(b.width + 2 * p).toFixed(1)}" height="${(b.height + 2 * p).toFixed(1)}" rx="${p.toFixed(1)}" fill="${spot.bg}" fill-opacity="0.8"/>${textRows(b, x + p, y + p, spot.fg)}`;
  });
}

const clampCentre = (share: number, span: number, half: number): number => (half * 2 >= span ? span / 2 : half + (span - 2 * half) * share);

/** The case's image: photo (EXIF-turned, alpha on white, long side ≤ 1200) + overlay, scaled, encoded. */
export async function renderEvalCase(c: EvalCase, photo: Buffer): Promise<Buffer> {
  const base = await sharp(photo)
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: BASE_LONG_SIDE, height: BASE_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  const { width: W, height: H } = base.info;
  const scale = c.output.scale === 2 ? Math.min(2, MAX_LONG_SIDE / Math.max(W, H)) : c.output.scale;
  let img = sharp(base.data);
  if (c.placement !== 'none') img = sharp(await img.composite([{ input: Buffer.from(overlaySvg(c, W, H, scale)) }]).png().toBuffer());
  if (scale !== 1) img = img.resize({ width: Math.round(W * scale), height: Math.round(H * scale), fit: 'fill' });
  return c.output.format === 'jpeg' ? img.jpeg({ quality: c.output.quality }).toBuffer() : img.png().toBuffer();
}
