import { createHash } from 'node:crypto';
import type { Finding, NoticeDraft, StatementOfReasons } from '@listinglens/contracts';
import { describeFinding } from './finding-descriptions';

/** EU member states: the territorial scope of a labelling decision taken under EU law duties. */
const EU = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];
const REDRESS = ['REDRESS_INTERNAL_COMPLAINT_HANDLING', 'REDRESS_OUT_OF_COURT_SETTLEMENT', 'REDRESS_JUDICIAL'];

export interface NoticeInput {
  /** Stable inputs of the decision: the same decision always gets the same puid (idempotency key). */
  puidParts: string[];
  listing: { listingId: string; sellerId: string; title: string; createdAt?: string };
  findings: Finding[];
  labelsApplied: string[];
  labelsRemoved: string[];
  automated: 'FULLY' | 'PARTIALLY' | 'NOT';
  grounds: string[];
  ruleIds: string[];
  policyVersion: number | null;
  /** A reviewer's or appeal outcome, in the reviewer's words. */
  outcome?: string;
  parentNoticeId?: string | null;
  now: Date;
}

/**
 * A DSA art. 17 statement of reasons built from the findings, with contacts masked (the seller gets
 * the masked form; full values stay in the evidence for reviewers), rendered in English and Chinese.
 */
export function buildNotice(input: NoticeInput): NoticeDraft {
  const puid = `ll-${createHash('sha256').update(input.puidParts.join('|')).digest('hex').slice(0, 32)}`;
  const facts = input.findings.map((f) => describeFinding(f));
  const synthetic = input.findings.some((f) => f.code.startsWith('ai.'));
  const visibility = input.labelsApplied.length > 0 || input.labelsRemoved.length > 0 ? 'DECISION_VISIBILITY_CONTENT_LABELLED' : 'DECISION_VISIBILITY_OTHER';
  const groundText = input.grounds.length > 0 ? input.grounds.join(' ') : 'Marketplace terms of sale.';
  const factsEn = facts.map((f) => `- ${f.en}`).join('\n') || '- No finding remains on this listing.';
  const statement: StatementOfReasons = {
    puid,
    decision_visibility: [visibility],
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: groundText,
    incompatible_content_explanation: input.outcome ?? 'The listing was checked against the marketplace policy; the facts below are what was found.',
    content_type: synthetic ? ['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_SYNTHETIC_MEDIA'] : ['CONTENT_TYPE_PRODUCT'],
    category: categoryOf(input.findings),
    decision_facts: factsEn,
    automated_detection: 'Yes',
    automated_decision: `AUTOMATED_DECISION_${input.automated === 'NOT' ? 'NOT_AUTOMATED' : input.automated}` as StatementOfReasons['automated_decision'],
    source_type: 'SOURCE_VOLUNTARY',
    territorial_scope: EU,
    application_date: input.now.toISOString().slice(0, 10),
    content_date: (input.listing.createdAt ?? input.now.toISOString()).slice(0, 10),
    redress: REDRESS,
    labels: input.labelsApplied,
    policy_version: input.policyVersion,
    rule_ids: input.ruleIds,
  };
  return {
    puid,
    listingId: input.listing.listingId,
    sellerId: input.listing.sellerId,
    statement,
    rendered: { en: renderEn(input, factsEn, groundText), zh: renderZh(input, facts.map((f) => `- ${f.zh}`).join('\n'), groundText) },
    parentNoticeId: input.parentNoticeId ?? null,
  };
}

function categoryOf(findings: Finding[]): string {
  const codes = new Set(findings.map((f) => f.code));
  if (codes.has('currency.banknote')) return 'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS';
  if ([...codes].some((c) => c.startsWith('price.') || c === 'promo.coupon' || c === 'badge.claim' || c === 'livestream.overlay')) {
    return 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD';
  }
  return 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE';
}

const AUTOMATION_EN = { FULLY: 'fully automated', PARTIALLY: 'partially automated (a reviewer decided on automated findings)', NOT: 'made by a person' };
const AUTOMATION_ZH = { FULLY: '完全自动化', PARTIALLY: '部分自动化（审核员依据自动检测结果作出决定）', NOT: '由人工作出' };

function renderEn(input: NoticeInput, facts: string, ground: string): string {
  const change = [
    input.labelsApplied.length ? `The label(s) ${input.labelsApplied.map((l) => `"${l}"`).join(', ')} were added to your listing "${input.listing.title}".` : '',
    input.labelsRemoved.length ? `The label(s) ${input.labelsRemoved.map((l) => `"${l}"`).join(', ')} were removed from your listing "${input.listing.title}".` : '',
  ].filter(Boolean).join(' ') || `We reviewed your listing "${input.listing.title}".`;
  return [
    change,
    input.outcome ? `Decision: ${input.outcome}` : '',
    `What we found:\n${facts}`,
    `Why: ${ground}`,
    `This decision was ${AUTOMATION_EN[input.automated]}; the findings were detected automatically.`,
    'If you disagree, you can appeal this notice (POST /v1/notices/{id}/appeal or your seller centre); you may also use a certified out-of-court dispute settlement body or the courts.',
  ].filter(Boolean).join('\n\n');
}

function renderZh(input: NoticeInput, facts: string, ground: string): string {
  const change = [
    input.labelsApplied.length ? `您的商品「${input.listing.title}」已被添加标签：${input.labelsApplied.join('、')}。` : '',
    input.labelsRemoved.length ? `您的商品「${input.listing.title}」已被移除标签：${input.labelsRemoved.join('、')}。` : '',
  ].join('') || `我们审核了您的商品「${input.listing.title}」。`;
  return [
    change,
    input.outcome ? `决定：${input.outcome}` : '',
    `发现的情况：\n${facts}`,
    `依据：${ground}`,
    `本决定${AUTOMATION_ZH[input.automated]}；相关情况由系统自动检测。`,
    '如有异议，您可以对本通知提出申诉（POST /v1/notices/{id}/appeal 或卖家中心）；您也可以向经认证的庭外争议解决机构或法院寻求救济。',
  ].filter(Boolean).join('\n\n');
}
