import { describe, expect, it } from 'vitest';
import { withAppealText } from './appeal-text';
import { sellerEffectOf } from './decision-effects';
import { decideReview } from './review-decision';
import { everyNotice, findingOf } from './testing/every-notice';
import { buildNotice } from './statement-of-reasons';

const APPEAL_URL = 'https://sellers.example.com/notices/{noticeId}/appeal';
const served = (text: string, lang: 'en' | 'zh', url: string | null = APPEAL_URL) => withAppealText(text, lang, { id: 'n-1', puid: 'll-1' }, url ?? undefined);

describe('what each decision does to the seller', () => {
  it.each([
    ['policy.label', { applied: ['ai-generated-image'], removed: [] }, 'restriction', ['DECISION_VISIBILITY_CONTENT_LABELLED']],
    ['policy.notify', { applied: [], removed: [] }, 'information', ['DECISION_VISIBILITY_OTHER']],
    ['review.confirm', { applied: [], removed: [] }, 'restriction', ['DECISION_VISIBILITY_CONTENT_DISABLED']],
    ['review.confirm', { applied: ['x-y'], removed: [] }, 'restriction', ['DECISION_VISIBILITY_CONTENT_DISABLED', 'DECISION_VISIBILITY_CONTENT_LABELLED']],
    ['review.relabel', { applied: ['x-y'], removed: [] }, 'restriction', ['DECISION_VISIBILITY_CONTENT_LABELLED']],
    ['review.relabel', { applied: [], removed: ['x-y'] }, 'restriction_lifted', ['DECISION_VISIBILITY_OTHER']],
    ['review.dismiss', { applied: [], removed: ['x-y'] }, 'restriction_lifted', ['DECISION_VISIBILITY_OTHER']],
    ['review.dismiss', { applied: [], removed: [], isAppeal: true }, 'restriction_lifted', ['DECISION_VISIBILITY_OTHER']],
  ] as const)('%s %j → %s', (decision, change, effect, visibility) => {
    expect(sellerEffectOf(decision, { ...change, applied: [...change.applied], removed: [...change.removed] })).toMatchObject({ effect, visibility });
  });

  it.each([
    ['review.escalate', { applied: ['x-y'], removed: [] }],
    ['review.dismiss', { applied: [], removed: [] }],
    ['review.relabel', { applied: [], removed: [] }],
  ] as const)('%s %j owes no notice', (decision, change) => {
    expect(sellerEffectOf(decision, { applied: [...change.applied], removed: [...change.removed] })).toBeNull();
  });

  it('a confirm without a label change sends a statement of reasons: the listing is hidden from buyers', () => {
    const { effects } = decideReview({
      decision: { decision: 'confirm', note: 'The price tag is fake.', ground: 'Terms §4' },
      actor: 'k',
      item: { id: 'i-1', isAppeal: false, appealNoticeId: null, policyVersion: 0, ruleIds: ['r'] },
      listing: { listingId: 'l-1', sellerId: 's-1', title: 'Bowl', createdAt: '2026-11-01T00:00:00Z', aiDisclosure: null },
      findings: [findingOf('price.mismatch')],
      labels: [],
      now: new Date('2026-11-30T00:00:00Z'),
    });
    expect(effects.labelsToApply).toEqual([]);
    expect(effects.notices).toHaveLength(1);
    expect(effects.notices[0]).toMatchObject({ effect: 'restriction', statement: { decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'] } });
    expect(effects.notices[0].rendered.en).toMatch(/hidden from buyers until you correct it/);
    expect(effects.notices[0].rendered.zh).toMatch(/已对买家隐藏/);
  });
});

describe('seller-facing wording', () => {
  const all = [...everyNotice(null), ...everyNotice(true), ...everyNotice(false)];

  it('Chinese notices are Chinese throughout: outside quoted input and the link, no Latin words', () => {
    for (const { name, notice } of all) {
      const ours = served(notice.rendered.zh, 'zh').replace(/「[^」]*」/g, '').replace('https://sellers.example.com/notices/n-1/appeal', '');
      expect({ name, latin: ours.match(/[A-Za-z]{2,}[^\n]*/g) }).toEqual({ name, latin: null });
    }
  });

  it.each(['en', 'zh'] as const)('%s: says how to appeal in words with the configured link, never an API route', (lang) => {
    for (const { notice } of all.filter((n) => n.notice.effect !== 'restriction_lifted')) {
      const text = served(notice.rendered[lang], lang);
      expect(text).not.toMatch(/\/v1\/|POST |\{\{|\{id\}/);
      expect(text).toContain('https://sellers.example.com/notices/n-1/appeal');
      expect(text).toMatch(lang === 'en' ? /appeal: open this notice in your seller centre/ : /提出申诉：在卖家中心打开本通知/);
      const plain = served(notice.rendered[lang], lang, null);
      expect(plain).not.toMatch(/https?:|\{\{/);
      expect(plain).toMatch(lang === 'en' ? /seller centre/ : /卖家中心/);
    }
  });

  const aiCodes = ['ai.provenance', 'ai.watermark', 'ai.undisclosed'] as const;
  const noticeFor = (code: (typeof aiCodes)[number], aiDisclosure: boolean | null) =>
    buildNotice({
      puidParts: [code],
      listing: { listingId: 'l', sellerId: 's', title: 'Bowl', aiDisclosure },
      findings: [findingOf(code)],
      labelsApplied: [],
      labelsRemoved: [],
      effect: { effect: 'information', visibility: ['DECISION_VISIBILITY_OTHER'], visibilityOther: 'none' },
      automated: 'FULLY',
      grounds: [],
      ruleIds: [],
      policyVersion: 0,
      now: new Date('2026-11-30T00:00:00Z'),
    });

  it.each(aiCodes)('%s: a listing that discloses AI imagery is never told it does not', (code) => {
    const n = noticeFor(code, true);
    expect(n.rendered.en).toMatch(/the listing discloses AI imagery/);
    expect(n.rendered.en).not.toMatch(/not disclose/);
    expect(n.statement.decision_facts).not.toMatch(/not disclose/);
    expect(n.rendered.zh).toMatch(/商品已声明使用人工智能生成的图像/);
    expect(n.rendered.zh).not.toMatch(/未声明/);
  });

  it.each(aiCodes.flatMap((c) => [[c, false], [c, null]] as const))('%s with disclosure %s: says the listing does not disclose it', (code, disclosure) => {
    const n = noticeFor(code, disclosure);
    expect(n.rendered.en).toMatch(/the listing does not disclose AI imagery/);
    expect(n.rendered.zh).toMatch(/但商品未声明使用人工智能生成的图像/);
  });

  // A manifest that did not validate and claims no AI is provenance.unverified (ai.provenance always has a claim).
  it('a content credential that did not validate is not called AI', () => {
    const n = buildNotice({ ...noticeForArgs(), findings: [findingOf('provenance.unverified')] });
    expect(n.rendered.en).toMatch(/content credentials \(C2PA\) that could not be verified/);
    expect(n.rendered.en).not.toMatch(/AI/);
    expect(n.rendered.zh).toMatch(/无法验证的内容凭证/);
    expect(n.rendered.zh).not.toMatch(/人工智能/);
  });
});

function noticeForArgs() {
  return {
    puidParts: ['c2pa'],
    listing: { listingId: 'l', sellerId: 's', title: 'Bowl', aiDisclosure: null },
    findings: [],
    labelsApplied: [],
    labelsRemoved: [],
    effect: { effect: 'information' as const, visibility: ['DECISION_VISIBILITY_OTHER' as const], visibilityOther: 'none' },
    automated: 'FULLY' as const,
    grounds: [],
    ruleIds: [],
    policyVersion: 0,
    now: new Date('2026-11-30T00:00:00Z'),
  };
}
