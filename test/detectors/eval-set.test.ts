/**
 * The evaluation set behind `npm run eval:detectors` (bench/detectors): the same seed gives the same
 * cases and the same pixels, it is as large as issue 21 asks, and it covers every text finding code,
 * language, placement and kind of negative. Runs without the research corpus (a made-up photo); the
 * check on the real photos skips, saying why, where ../shared/corpus is absent.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../bench/ai/corpus-images';
import { buildEvalCases, type EvalCase, PLACEMENTS } from '../../bench/detectors/eval-cases';
import { NEGATIVE_KINDS, TEXT_CODES } from '../../bench/detectors/eval-phrases';
import { renderEvalCase } from '../../bench/detectors/render-eval-case';

const PHOTOS = ['a_bag.jpg', 'b_phone.png', 'c_serum.jpg', 'd_watch.jpg'];
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('the detector evaluation set', () => {
  const cases = buildEvalCases(21, PHOTOS);
  const positives = cases.filter((c) => c.kind !== 'negative');
  const negatives = cases.filter((c) => c.kind === 'negative');

  it('is the same for the same seed and photos (in any order), and differs for another seed', () => {
    expect(buildEvalCases(21, [...PHOTOS].reverse())).toEqual(cases);
    const other = buildEvalCases(22, PHOTOS);
    expect(other.map((c) => c.lines.join('/'))).not.toEqual(cases.map((c) => c.lines.join('/')));
  });

  it('holds at least 300 positives and 150 negatives, with unique ids', () => {
    expect(positives.length).toBeGreaterThanOrEqual(300);
    expect(negatives.length).toBeGreaterThanOrEqual(150);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('plants every text finding code in English and Chinese, badges and coupons also in Japanese and Korean', () => {
    for (const code of TEXT_CODES) {
      for (const lang of ['en', 'zh'] as const) expect(positives.some((c) => c.kind === code && c.lang === lang), `${code} ${lang}`).toBe(true);
    }
    for (const code of ['badge.claim', 'promo.coupon'] as const) {
      for (const lang of ['ja', 'ko'] as const) expect(positives.some((c) => c.kind === code && c.lang === lang), `${code} ${lang}`).toBe(true);
    }
    // Each positive expects what it plants, and a listing price to judge a shown price against.
    for (const c of positives) {
      expect(c.expect).toContain(c.kind);
      expect(c.listing.price.amount).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('uses every placement and degradation, and every kind of negative', () => {
    for (const p of PLACEMENTS) expect(positives.filter((c) => c.placement === p).length, p).toBeGreaterThanOrEqual(5);
    for (const kind of NEGATIVE_KINDS) expect(negatives.some((c) => c.negative === kind), kind).toBe(true);
    expect(negatives.every((c) => c.expect.length === 0)).toBe(true);
    expect(cases.some((c) => c.output.scale === 0.5) && cases.some((c) => c.output.scale === 2)).toBe(true);
    const qualities = cases.filter((c) => c.output.format === 'jpeg').map((c) => c.output.quality);
    expect(Math.min(...qualities)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...qualities)).toBeLessThanOrEqual(90);
    const rotations = cases.filter((c) => c.placement === 'sticker' || c.placement === 'seal').map((c) => Math.abs(c.style.rotation));
    expect(Math.min(...rotations)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...rotations)).toBeLessThanOrEqual(30);
    // An edge cut only ever cuts a tail; a split claim is drawn on two lines.
    expect(positives.filter((c) => c.placement === 'edge_cut').every((c) => c.lines.some((l) => l.includes('»')))).toBe(true);
    expect(positives.filter((c) => c.placement === 'split').every((c) => c.lines.length >= 2)).toBe(true);
  });

  it('renders a case to the same bytes twice, in its format and scale', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c8d4e0' } }).jpeg().toBuffer();
    const picks: EvalCase[] = [
      positives.find((c) => c.placement === 'seal' && c.output.scale === 0.5) as EvalCase,
      positives.find((c) => c.placement === 'edge_cut' && c.output.format === 'jpeg') as EvalCase,
      positives.find((c) => c.lang === 'ko' && c.output.scale === 2) as EvalCase,
    ];
    for (const c of picks) {
      const a = await renderEvalCase(c, photo);
      expect(sha(await renderEvalCase(c, photo))).toBe(sha(a));
      const meta = await sharp(a).metadata();
      expect(meta.format).toBe(c.output.format);
      expect(meta.width).toBe(800 * c.output.scale);
    }
  });

  const corpus = corpusDir();
  const products = corpus ? join(corpus, 'products') : '';
  describe.skipIf(!corpus || !existsSync(products))('on the corpus product photos (skipped when ../shared/corpus/products is absent)', () => {
    it('renders the same bytes from the same seed', async () => {
      const clean = readFileSync(join(products, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]).filter((f) => !f.startsWith('PROMO_'));
      const real = buildEvalCases(21, clean);
      for (const c of [real[0], real[150], real[real.length - 1]]) {
        const photo = readFileSync(join(products, c.photo));
        expect(sha(await renderEvalCase(c, photo))).toBe(sha(await renderEvalCase(c, photo)));
      }
    });
  });
});
