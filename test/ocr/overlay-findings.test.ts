/**
 * Renders each kind of overlay with sharp + SVG (WenQuanYi Zen Hei), reads it with the real reader of
 * each engine (PP-OCR, the default, and tesseract.js) and runs the real detectors: the finding must come
 * out, with its box where the text was drawn. Clean renders must give nothing. Where an engine misses a
 * case, MISSES says so and the test asserts the miss (it.fails), so a miss is recorded, never hidden.
 */
import { type Box, type Finding, type FindingCode, type FindingOf, hasCode, type ListingFields } from '@listinglens/contracts';
import { createTextReader, type ManagedTextReader, type OcrEngineName } from '@listinglens/ocr';
import { type AnalyzedImage, CpuPool, RasterCache } from '@listinglens/pipeline';
import { ZxingQrCodeReader } from '@listinglens/scanner';
import { createTextDetectors } from '@listinglens/text-detectors';
import { afterAll, beforeAll, describe, expect, it as itPasses } from 'vitest';
import { qrRects, WHATSAPP_QR_PAYLOAD } from './support/qr-modules';
import { analyzedImage, overlaps, type RenderSpec, renderOverlay, scanContext, type TextSpec, textBox } from './support/render-overlay';

interface Case {
  spec: RenderSpec;
  price: ListingFields['price'];
}

const CNY = (amount: string): ListingFields['price'] => ({ amount, currency: 'CNY' });
const USD = (amount: string): ListingFields['price'] => ({ amount, currency: 'USD' });
const t = (text: string, x: number, y: number, size: number, extra: Partial<TextSpec> = {}): TextSpec => ({ text, x, y, size, ...extra });

const priceTag = t('¥99', 260, 140, 48);
const percent = t('-70%', 80, 300, 56, { weight: 'bold' });
const qr = qrRects(520, 60, 8);
const phone = t('加V 13800138000', 40, 120, 40);
const banknote = t('FEDERAL RESERVE NOTE', 40, 60, 44, { weight: 'bold' });
const buyButton = t('立即购买', 455, 1150, 44, { color: '#fff' });
const yellowPercent = t('-70% OFF', 70, 669, 64, { color: '#ffd60a', weight: 'bold' });

const CASES = {
  priceTag: { spec: { width: 800, height: 360, texts: [t('限时特价', 60, 140, 44), priceTag] }, price: CNY('199.00') },
  wasNow: {
    spec: { width: 700, height: 440, texts: [t('WAS $199', 80, 60, 44), t('NOW $49', 80, 170, 44), percent] },
    price: USD('49.00'),
  },
  coupon: { spec: { width: 800, height: 300, texts: [t('领券立减', 60, 50, 44), t('满200减30', 60, 160, 44)] }, price: CNY('99') },
  livestream: {
    spec: {
      width: 720,
      height: 900,
      rects: [{ x: 30, y: 30, width: 140, height: 70, color: '#e0245e' }],
      texts: [
        t('LIVE', 50, 45, 40, { color: '#fff', weight: 'bold' }),
        t('12.8万人观看', 200, 45, 36),
        t('带货榜第3', 40, 180, 36),
        t('立即购买', 420, 780, 44, { weight: 'bold' }),
      ],
    },
    price: CNY('99'),
  },
  badge: { spec: { width: 800, height: 320, texts: [t('官方旗舰店', 60, 50, 44), t('Best Seller', 60, 180, 44)] }, price: CNY('99') },
  contact: { spec: { width: 800, height: 320, texts: [phone], rects: qr.rects }, price: CNY('99') },
  banknote: { spec: { width: 800, height: 260, texts: [banknote, t('MB 12345678 C', 40, 150, 40)] }, price: USD('20') },
  cleanBrand: { spec: { width: 700, height: 300, texts: [t('SONY', 60, 60, 64, { weight: 'bold' }), t('WH-1000XM5', 60, 190, 44)] }, price: USD('349') },
  cleanMatchingPrice: { spec: { width: 600, height: 260, texts: [t('特价 ¥199', 60, 80, 48)] }, price: CNY('199.00') },
  cleanMatchingDollar: { spec: { width: 700, height: 260, texts: [t('$1,299.00', 60, 80, 48)] }, price: USD('1299') },
  // Light text on saturated colour: the whole-image pass loses it, the colour-panel pass reads it.
  darkLivestream: {
    spec: {
      width: 720,
      height: 1280,
      background: '#222',
      rects: [
        { x: 30, y: 40, width: 120, height: 56, color: '#ff2d55' },
        { x: 420, y: 1130, width: 260, height: 90, color: '#ff2d55' },
      ],
      texts: [t('LIVE', 46, 50, 36, { color: '#fff', weight: 'bold' }), t('12.8万人观看', 170, 50, 36, { color: '#fff' }), buyButton],
    },
    price: CNY('99'),
  },
  // As examples/images/price-tag.png draws it: a product, then a red strip with white and yellow text.
  redStrip: {
    spec: {
      width: 800,
      height: 800,
      rects: [
        { x: 210, y: 140, width: 380, height: 380, color: '#3b6ea5' },
        { x: 40, y: 560, width: 720, height: 200, color: '#d62828' },
      ],
      texts: [t('WAS $99 NOW $49', 70, 584, 64, { color: '#fff', weight: 'bold' }), yellowPercent],
    },
    price: USD('49.00'),
  },
  cleanProduct: { spec: { width: 800, height: 300, texts: [t('Organic Green Tea', 40, 60, 44), t('有机绿茶 250g', 40, 170, 44)] }, price: CNY('39') },
} satisfies Record<string, Case>;

type CaseName = keyof typeof CASES;
const itFails = itPasses.fails;

/** Cases an engine is known to miss (none today: both read every case here). */
const MISSES: Record<OcrEngineName, readonly string[]> = { ppocr: [], tesseract: [] };

describe.each(['ppocr', 'tesseract'] as const)('%s: overlays read by OCR give findings with boxes in place', (engine) => {
  let reader: ManagedTextReader;
  const cpu = new CpuPool(2);
  const qrReader = new ZxingQrCodeReader({ rasters: new RasterCache({ maxPixels: 50_000_000, budgetBytes: 64 * 1024 * 1024 }), cpu });
  const images = new Map<CaseName, AnalyzedImage>();
  const findings = new Map<CaseName, Finding[]>();

  beforeAll(async () => {
    reader = createTextReader({ engine, poolSize: 2 });
    const names = Object.keys(CASES) as CaseName[];
    await Promise.all(
      names.map(async (name) => {
        const image = await analyzedImage(await renderOverlay(CASES[name].spec));
        images.set(name, image);
        const ocr = await reader.read(image);
        if (process.env['DEBUG_OCR']) console.log(engine, name, JSON.stringify(ocr.text), ocr.words.map((w) => `${w.text}@${w.box.x},${w.box.y} ${w.confidence}`).join(' | '));
      }),
    );
    for (const name of names) {
      const ctx = scanContext(reader, [images.get(name) as AnalyzedImage], CASES[name].price);
      const all = await Promise.all(createTextDetectors({ qrReader }).map((d) => d.detect(ctx)));
      findings.set(name, all.flat());
    }
  }, 240_000);

  afterAll(async () => {
    await reader?.close();
    await cpu.close();
  });

  function only<C extends FindingCode>(name: CaseName, code: C): FindingOf<C> {
    const list = (findings.get(name) ?? []).filter(hasCode(code));
    expect(list, `${name}: ${code} in ${JSON.stringify((findings.get(name) ?? []).map((f) => f.code))}`).toHaveLength(1);
    return list[0];
  }
  const boxOf = (f: { evidence: { box: Box } }): Box => f.evidence.box;

  const it = (title: string, fn: () => void) => (MISSES[engine].includes(title) ? itFails(title, fn) : itPasses(title, fn));
  it('price tag "限时特价 ¥99" on a ¥199 listing → price.mismatch on the ¥99', () => {
    const f = only('priceTag', 'price.mismatch');
    expect(f.evidence).toMatchObject({ shown: { amount: '99' }, listing: { amount: '199.00', currency: 'CNY' } });
    expect(overlaps(boxOf(f), textBox(priceTag), 0.6)).toBe(true);
    // The box is on the price, not the whole "限时特价 ¥99" line, and the evidence names the engine.
    expect(boxOf(f).x).toBeGreaterThan(200);
    expect(JSON.stringify(f.evidence)).toContain(engine === 'ppocr' ? '"ocrEngine":"ppocr:PP-OCRv4' : '"ocrEngine":"tesseract.js');
  });

  it('WAS $199 / NOW $49 / -70% → reference claim and discount math (75 % shown, 70 % claimed)', () => {
    only('wasNow', 'price.reference_claim');
    const math = only('wasNow', 'price.discount_math');
    expect(math.evidence).toMatchObject({ claimedPercentOff: 70 });
    expect(math.evidence.computedPercentOff).toBeCloseTo(75.38, 1);
    expect(overlaps(boxOf(math), textBox(percent), 0.6)).toBe(true);
    expect((findings.get('wasNow') ?? []).some((f) => f.code === 'price.mismatch')).toBe(false);
  });

  it('领券立减 / 满200减30 → promo.coupon with the rule parsed', () => {
    const f = only('coupon', 'promo.coupon');
    expect(f.evidence.matches).toEqual(
      expect.arrayContaining([expect.objectContaining({ normalised: expect.objectContaining({ threshold: '200', amount: '30' }) })]),
    );
  });

  it('a livestream screen → livestream.overlay with at least three cue kinds', () => {
    const f = only('livestream', 'livestream.overlay');
    expect(f.evidence.cueKinds.length).toBeGreaterThanOrEqual(3);
    expect(overlaps({ x: 420, y: 780, width: 176, height: 44 }, boxOf(f), 0.8)).toBe(true);
  });

  it('官方旗舰店 / Best Seller → badge.claim', () => {
    const f = only('badge', 'badge.claim');
    expect(f.evidence.badges).toEqual(expect.arrayContaining(['official_store', 'best_seller']));
  });

  it('加V 13800138000 and a WhatsApp QR code → two contacts, each with its own box', () => {
    const list = (findings.get('contact') ?? []).filter(hasCode('contact.off_platform'));
    const wechat = list.find((f) => f.evidence.kind === 'wechat');
    const qrHit = list.find((f) => f.evidence.source === 'qr');
    expect(wechat?.evidence).toMatchObject({ value: '13800138000', masked: '138******00' });
    expect(overlaps(boxOf(wechat as FindingOf<'contact.off_platform'>), textBox(phone), 0.6)).toBe(true);
    expect(qrHit?.evidence).toMatchObject({ kind: 'whatsapp', payload: WHATSAPP_QR_PAYLOAD });
    expect(overlaps(boxOf(qrHit as FindingOf<'contact.off_platform'>), qr.box, 0.8)).toBe(true);
  });

  it('white LIVE badge and buy button on saturated colour, on a dark screen → livestream.overlay with both cues', () => {
    const f = only('darkLivestream', 'livestream.overlay');
    expect(f.evidence.cueKinds).toEqual(expect.arrayContaining(['live_badge', 'buy_button']));
  });

  it('yellow "-70% OFF" on a red strip under WAS $99 / NOW $49 → discount math (51 % shown, 70 % claimed)', () => {
    const math = only('redStrip', 'price.discount_math');
    expect(math.evidence).toMatchObject({ claimedPercentOff: 70 });
    expect(overlaps(boxOf(math), textBox(yellowPercent), 0.6)).toBe(true);
  });

  it('FEDERAL RESERVE NOTE → currency.banknote', () => {
    const f = only('banknote', 'currency.banknote');
    expect(overlaps(boxOf(f), textBox(banknote), 0.6)).toBe(true);
  });

  itPasses.each(['cleanBrand', 'cleanMatchingPrice', 'cleanMatchingDollar', 'cleanProduct'] as const)('%s gives no finding', (name) => {
    expect(findings.get(name)).toEqual([]);
  });
});
