/**
 * Failure classes 1–4 of issue 21 on rendered images, read by the real PP-OCR reader (the default engine)
 * and judged by the real text detectors: what the unit specs (libs/text-detectors reader-classes.spec.ts)
 * check on words shaped like PP-OCR's, here from pixels. Every case prints what the reader returned when
 * it fails, so a regression says whether the reader or a detector moved.
 */
import { type Finding, type FindingCode, type FindingOf, hasCode, type ListingFields } from '@listinglens/contracts';
import { createTextReader, type ManagedTextReader } from '@listinglens/ocr';
import type { OcrResult } from '@listinglens/pipeline';
import { createTextDetectors } from '@listinglens/text-detectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzedImage, type RenderSpec, renderOverlay, scanContext, type TextSpec } from './support/render-overlay';

const t = (text: string, x: number, y: number, size: number, extra: Partial<TextSpec> = {}): TextSpec => ({ text, x, y, size, ...extra });

interface Case {
  spec: RenderSpec;
  price: ListingFields['price'];
}

const CASES = {
  // 1. A clean Chinese price banner: PP-OCR scores its "￥" well under the digits.
  chineseBanner: {
    spec: {
      width: 760,
      height: 220,
      rects: [{ x: 0, y: 50, width: 760, height: 110, color: '#d62828' }],
      texts: [t('今日特价 ￥39.9', 60, 72, 60, { color: '#fff' })],
    },
    price: { amount: '168.00', currency: 'CNY' },
  },
  // 2. A marketplace badge on one printed line (navy, "Amazon's" white, "Choice" orange, as the badge is).
  amazonsChoice: {
    spec: {
      width: 640,
      height: 200,
      rects: [{ x: 40, y: 50, width: 520, height: 96, color: '#232f3e' }],
      texts: [t("Amazon's", 70, 70, 52, { color: '#fff' }), t('Choice', 320, 70, 52, { color: '#ff9900' })],
    },
    price: { amount: '24.99', currency: 'USD' },
  },
  // 3. A code banner running off the image's right edge: "checkout" is cut after about "chec".
  codeOffEdge: {
    spec: {
      width: 610,
      height: 160,
      rects: [{ x: 0, y: 30, width: 610, height: 90, color: '#111' }],
      texts: [t('Use code SAVE20 at checkout', 40, 48, 48, { color: '#ffd60a' })],
    },
    price: { amount: '24.99', currency: 'USD' },
  },
  // 4. WAS / NOW / SAVE each on its own line: 70 % claimed, 30.8 % shown.
  wasNowSave: {
    spec: {
      width: 560,
      height: 420,
      texts: [t('WAS $129.99', 60, 50, 56), t('NOW $89.99', 60, 160, 56, { color: '#d62828' }), t('SAVE 70%', 60, 270, 56, { weight: 'bold' })],
    },
    price: { amount: '89.99', currency: 'USD' },
  },
} satisfies Record<string, Case>;
type CaseName = keyof typeof CASES;

describe('issue 21 classes 1–4 on rendered images, read by PP-OCR', () => {
  let reader: ManagedTextReader;
  const read = new Map<CaseName, OcrResult>();
  const findings = new Map<CaseName, Finding[]>();

  beforeAll(async () => {
    reader = createTextReader({ engine: 'ppocr', poolSize: 2 });
    for (const name of Object.keys(CASES) as CaseName[]) {
      const image = await analyzedImage(await renderOverlay(CASES[name].spec));
      read.set(name, await reader.read(image));
      const ctx = scanContext(reader, [image], CASES[name].price);
      const all = await Promise.all(createTextDetectors({ qrReader: null }).map((d) => d.detect(ctx)));
      findings.set(name, all.flat());
    }
  }, 180_000);

  afterAll(async () => {
    await reader?.close();
  });

  /** What the reader returned for a case: each line, its score and its characters' scores. */
  const words = (name: CaseName): string =>
    (read.get(name)?.words ?? []).map((w) => `${JSON.stringify(w.text)} ${w.confidence.toFixed(2)} [${(w.charConfidence ?? []).map((c) => c.toFixed(2)).join(' ')}]`).join(' | ');

  /** The one finding of a code, or a failure that quotes what the reader returned. */
  function only<C extends FindingCode>(name: CaseName, code: C): FindingOf<C> {
    const list = (findings.get(name) ?? []).filter(hasCode(code));
    const codes = (findings.get(name) ?? []).map((f) => f.code);
    expect(list, `${name}: ${code}; found ${JSON.stringify(codes)}; the reader returned ${words(name)}`).toHaveLength(1);
    return list[0];
  }

  it('1. "今日特价 ￥39.9" on a red banner against a 168.00 CNY listing → price.mismatch on 39.9', () => {
    const f = only('chineseBanner', 'price.mismatch');
    expect(f.evidence).toMatchObject({ shown: { amount: '39.9' }, listing: { amount: '168.00', currency: 'CNY' }, reason: 'amount_differs' });
  });

  it(`2. an "Amazon's Choice" badge → badge.claim (marketplace_choice)`, () => {
    const f = only('amazonsChoice', 'badge.claim');
    expect(f.evidence.badges).toContain('marketplace_choice');
  });

  it('3. "Use code SAVE20 at checkout" cut by the right edge → promo.coupon with the code SAVE20', () => {
    const f = only('codeOffEdge', 'promo.coupon');
    expect(f.evidence.matches.map((m) => m.normalised.code), `the reader returned ${words('codeOffEdge')}`).toContain('SAVE20');
  });

  it('4. WAS $129.99 / NOW $89.99 / SAVE 70% on three lines → price.discount_math (70 % claimed, 30.8 % shown)', () => {
    const f = only('wasNowSave', 'price.discount_math');
    expect(f.evidence.claimedPercentOff).toBe(70);
    expect(f.evidence.computedPercentOff).toBeCloseTo(30.77, 1);
    expect(f.evidence).toMatchObject({ reference: { amount: '129.99' }, current: { amount: '89.99' } });
    // The listing's own price is shown: no mismatch beside the wrong discount.
    expect((findings.get('wasNowSave') ?? []).some((f2) => f2.code === 'price.mismatch')).toBe(false);
  });
});
