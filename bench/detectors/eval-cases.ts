/**
 * The evaluation set for the text detectors (issue 21): from a seed and the names of the product photos,
 * every case as data (what is drawn where, how the image is degraded, the listing, what a reviewer
 * expects). Pixels are made by render-eval-case.ts; this file needs no photo, so the set can be checked
 * without the research corpus.
 */
import type { ListingFields } from '@listinglens/contracts';
import {
  type Lang,
  marketPrice,
  type Money,
  NEGATIVE_COUNTS,
  NEGATIVE_KINDS,
  type NegativeKind,
  negativeTemplates,
  type Plant,
  POSITIVES,
  type TextCode,
} from './eval-phrases';
import { Rng } from './eval-random';

export const PLACEMENTS = ['top_banner', 'bottom_banner', 'sticker', 'seal', 'corner', 'across', 'low_contrast', 'edge_cut', 'split'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export interface CaseStyle {
  /** Text height as a share of the image width (before the floor that keeps it readable). */
  fontShare: number;
  /** Which colour pair of the placement's palette. */
  palette: number;
  /** Degrees, for stickers and seals (±5–30). */
  rotation: number;
  /** Where in the image, as shares of the free room (0–1). */
  posX: number;
  posY: number;
  /** 0–3: top-left, top-right, bottom-right, bottom-left (corner text). */
  corner: number;
  /** The share of a cuttable tail left inside the image (edge_cut). */
  visibleTail: number;
  /** Latin-only lines: WenQuanYi Zen Hei or DejaVu Sans. */
  latinFont: 'zenhei' | 'dejavu';
  bold: boolean;
}

export interface CaseOutput {
  format: 'png' | 'jpeg';
  /** JPEG quality 60–90. */
  quality: number;
  /** The finished image scaled down or up 2× (up capped so the long side stays ≤ 2400 px). */
  scale: 0.5 | 1 | 2;
}

export interface EvalCase {
  id: string;
  /** The finding code planted, or 'negative'. */
  kind: TextCode | 'negative';
  negative?: NegativeKind;
  lang: Lang;
  /** File name in ../shared/corpus/products. */
  photo: string;
  /** 'none': the photo as it is (clean negatives). */
  placement: Placement | 'none';
  /** The main element's lines as drawn; in edge_cut lines, `»` marks where the cut-off tail starts. */
  lines: string[];
  /** Further elements (livestream cues), each drawn in its own corner. */
  extras: string[][];
  expect: TextCode[];
  allow: TextCode[];
  listing: ListingFields;
  style: CaseStyle;
  output: CaseOutput;
}

/** Japanese and Korean listings are read as their marketplaces' deployments read them (see README). */
export const READER_LANGUAGES: Record<Lang, ('eng' | 'chi_sim' | 'jpn' | 'kor')[]> = {
  en: ['eng', 'chi_sim'],
  zh: ['eng', 'chi_sim'],
  ja: ['eng', 'chi_sim', 'jpn'],
  ko: ['eng', 'chi_sim', 'kor'],
};

const MARKETPLACE: Record<string, string> = { USD: 'demo-us', GBP: 'demo-uk', EUR: 'demo-de', CNY: 'demo-cn', JPY: 'demo-jp', KRW: 'demo-kr' };
const NEGATIVE_PLACEMENTS: readonly Placement[] = ['top_banner', 'bottom_banner', 'sticker', 'corner', 'across', 'low_contrast', 'split', 'seal'];

/**
 * Builds the whole set: every positive template of every code and language (round robin, so each is
 * used), placements cycled so each code gets each placement, then the negatives. Same seed and photo
 * names, same cases.
 */
export function buildEvalCases(seed: number, photos: readonly string[]): EvalCase[] {
  if (photos.length === 0) throw new Error('buildEvalCases needs at least one product photo');
  const sorted = [...photos].sort();
  const r = new Rng(seed);
  const cases: EvalCase[] = [];
  for (const group of POSITIVES) {
    const offset = r.int(0, PLACEMENTS.length - 1);
    for (let i = 0; i < group.count; i++) {
      const plant = group.templates[i % group.templates.length](r);
      const placement = fitPlacement(PLACEMENTS[(offset + i) % PLACEMENTS.length], plant, r);
      cases.push(makeCase(r, `${group.code}/${group.lang}/${pad(i)}`, group.code, group.lang, r.pick(sorted), placement, plant));
    }
  }
  for (const kind of NEGATIVE_KINDS) {
    const offset = r.int(0, NEGATIVE_PLACEMENTS.length - 1);
    for (let i = 0; i < NEGATIVE_COUNTS[kind]; i++) {
      const id = `negative/${kind}/${pad(i)}`;
      if (kind === 'clean') {
        const lang = r.pick(['en', 'zh', 'en', 'zh', 'ja', 'ko'] as const);
        const c = makeCase(r, id, 'negative', lang, sorted[i % sorted.length], 'none', { lines: [], price: marketPrice(r, lang), expect: [] });
        cases.push({ ...c, negative: kind });
        continue;
      }
      const templates = negativeTemplates(kind);
      const { lang, t } = templates[i % templates.length];
      const plant = t(r);
      const placement = fitPlacement(NEGATIVE_PLACEMENTS[(offset + i) % NEGATIVE_PLACEMENTS.length], plant, r);
      cases.push({ ...makeCase(r, id, 'negative', lang, r.pick(sorted), placement, plant), negative: kind });
    }
  }
  return cases;
}

/** A placement the text can take: edge cuts need a cuttable tail, splits a split point, seals short text. */
function fitPlacement(wanted: Placement, plant: Plant, r: Rng): Placement {
  const text = plant.lines.join('');
  if (wanted === 'edge_cut' && !text.includes('»')) return r.pick(['bottom_banner', 'top_banner'] as const);
  if (wanted === 'split' && !text.includes('¦')) return r.pick(['sticker', 'low_contrast'] as const);
  if (wanted === 'seal' && (plant.lines.length > 2 || text.length > 22)) return 'sticker';
  return wanted;
}

function makeCase(r: Rng, id: string, kind: EvalCase['kind'], lang: Lang, photo: string, placement: Placement | 'none', plant: Plant): EvalCase {
  const lines = drawnLines(plant.lines, placement);
  const style: CaseStyle = {
    fontShare: placement === 'corner' ? r.range(0.026, 0.034) : r.range(0.045, 0.075),
    palette: r.int(0, 11),
    rotation: (r.chance(0.5) ? -1 : 1) * r.range(5, 30),
    posX: r.next(),
    posY: r.next(),
    corner: r.int(0, 3),
    visibleTail: r.range(0.3, 0.7),
    latinFont: r.chance(0.3) ? 'dejavu' : 'zenhei',
    bold: r.chance(0.5),
  };
  const jpeg = r.chance(0.6);
  const scaleRoll = r.next();
  const output: CaseOutput = {
    format: jpeg ? 'jpeg' : 'png',
    quality: r.int(60, 90),
    scale: scaleRoll < 0.12 ? 0.5 : scaleRoll < 0.24 ? 2 : 1,
  };
  return {
    id,
    kind,
    lang,
    photo,
    placement,
    lines,
    extras: (plant.extras ?? []).map((e) => drawnLines(e, 'sticker')),
    expect: [...plant.expect],
    allow: [...(plant.allow ?? [])],
    listing: listingFor(id, lang, photo, plant.price),
    style,
    output,
  };
}

/** Resolves the markers: split points become line breaks (split) or a space/nothing; tails stay marked
 * only where the edge cuts them. */
function drawnLines(lines: readonly string[], placement: Placement | 'none'): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const tail = placement === 'edge_cut' ? line : line.replace('»', '');
    if (placement === 'split' && tail.includes('¦')) out.push(...tail.split('¦').map((s) => s.trim()));
    else out.push(tail.replace(/\s*¦\s*/g, (m, at: number) => (isLatin(tail[at - 1]) || isLatin(tail[at + m.length]) ? ' ' : '')));
  }
  return out;
}

const isLatin = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9$%:'.,!?#&@+-]/.test(ch);

function listingFor(id: string, lang: Lang, photo: string, price: Money): ListingFields {
  const words = photo.replace(/\.[a-z]+$/i, '').split('_').slice(1).join(' ');
  const title = { en: words, zh: `${words} 商品`, ja: `${words} 商品`, ko: `${words} 상품` }[lang];
  return {
    marketplace: MARKETPLACE[price.currency] ?? 'demo',
    externalId: id,
    sellerId: `seller-${lang}`,
    title,
    price,
  };
}

const pad = (n: number): string => String(n).padStart(3, '0');

/** Cases run with a reader configured for the given languages, grouped (one reader per group). */
export function readerGroup(c: EvalCase): string {
  return READER_LANGUAGES[c.lang].join('+');
}
