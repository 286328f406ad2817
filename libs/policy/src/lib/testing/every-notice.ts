import { FINDING_CODES, type Finding, type FindingCode, type FindingOf, type NoticeDraft } from '@listinglens/contracts';
import { DEFAULT_POLICY } from '../default-policy';
import { evaluatePolicy } from '../evaluate-policy';
import type { AiDisclosure } from '../finding-descriptions';
import type { PolicyVersion } from '../policy-schema';
import { decideReview, type ReviewDecision } from '../review-decision';
import { sampleEvidence } from './sample-evidence';

/** A finding of each code with the evidence its detector writes (text read, masked contact, AI kind). */
export function findingOf<C extends FindingCode>(code: C, imagePosition: number | null = 0, text = '限时特价¥99'): FindingOf<C> {
  const evidence = sampleEvidence(text)[code];
  // TS cannot pair a generic code with its evidence; sampleEvidence is checked per code.
  return { code, severity: 'high', confidence: 0.95, imagePosition, evidence, ruleId: `${code}.test`, ruleVersion: 1 } as FindingOf<C>;
}

const NOW = new Date('2026-11-30T12:00:00Z');
const listing = (aiDisclosure: AiDisclosure, title = 'Blue ceramic bowl 蓝色陶瓷碗') => ({
  listingId: '00000000-0000-4000-8000-000000000001',
  sellerId: 'seller-1',
  title,
  createdAt: '2026-11-01T08:00:00.000Z',
  aiDisclosure,
});

/** A policy that acts on every code: label + notify, notify alone, review. */
const EVERY_ACTION: PolicyVersion = {
  marketplace: '*',
  version: 7,
  shadow: false,
  rules: [
    { id: 'label.ai', code: 'ai.undisclosed', minConfidence: 0, minSeverity: 'info', actions: [{ type: 'auto_label', label: 'ai-generated-image' }, { type: 'notify_seller' }], ground: 'x'.repeat(500), groundZh: '条'.repeat(500) },
    { id: 'notify.all', code: '*', minConfidence: 0, minSeverity: 'info', actions: [{ type: 'notify_seller' }], ground: 'Terms §5: say it straight.' },
  ],
};

/**
 * Every kind of notice the system writes: the policy's (label, notify) over each finding code and
 * all codes at once, and every review decision (first decision and appeal outcome), with texts at
 * their longest. The statement tests validate each against the Transparency Database's rules.
 */
export function everyNotice(aiDisclosure: AiDisclosure = null): Array<{ name: string; notice: NoticeDraft }> {
  const out: Array<{ name: string; notice: NoticeDraft }> = [];
  const sets: Array<[string, Finding[]]> = [
    ...FINDING_CODES.map((c): [string, Finding[]] => [c, [findingOf(c)]]),
    ['all codes', FINDING_CODES.map((c, i) => findingOf(c, i % 3 === 0 ? null : i, 'y'.repeat(200)))],
    ['none', []],
  ];
  for (const [name, findings] of sets) {
    for (const policy of [DEFAULT_POLICY, EVERY_ACTION]) {
      const effects = evaluatePolicy({ policy, shadowPolicy: null, listing: listing(aiDisclosure), scanId: `scan-${name}`, findings, activeLabels: [], now: NOW });
      for (const notice of effects.notices) out.push({ name: `policy v${policy.version} on ${name}`, notice });
    }
    const decisions: ReviewDecision[] = [
      { decision: 'confirm', note: 'n'.repeat(2000), ground: 'g'.repeat(500) },
      { decision: 'confirm', note: 'Fake price tag 假价签', ground: 'Terms §4', labels: { apply: ['misleading-price'], remove: [] } },
      { decision: 'relabel', note: 'label it', labels: { apply: ['misleading-price'], remove: ['ai-generated-image'] } },
      { decision: 'relabel', note: 'unlabel it', labels: { apply: [], remove: ['ai-generated-image'] } },
      { decision: 'dismiss', note: 'fine' },
      { decision: 'escalate', note: 'not sure' },
    ];
    for (const isAppeal of [false, true]) {
      for (const decision of decisions) {
        const { effects } = decideReview({
          decision,
          actor: 'key-1',
          item: { id: `item-${name}-${isAppeal}`, isAppeal, appealNoticeId: isAppeal ? '00000000-0000-4000-8000-0000000000aa' : null, policyVersion: 0, ruleIds: ['default.high-severity.review'] },
          listing: { ...listing(aiDisclosure, 't'.repeat(300)), createdAt: '2026-11-01T08:00:00.000Z' },
          findings,
          labels: [{ label: 'ai-generated-image', source: 'policy' }],
          now: NOW,
        });
        for (const notice of effects.notices) out.push({ name: `review ${decision.decision}${isAppeal ? ' (appeal)' : ''} on ${name}`, notice });
      }
    }
  }
  return out;
}
