import type { NoticeEffect } from '@listinglens/contracts';

/** A ground in the seller's languages; a ground written only in English is quoted in the Chinese text. */
export interface LocalizedGround {
  en: string;
  zh?: string;
}

export interface NoticeTextInput {
  title: string;
  effect: NoticeEffect;
  disabled: boolean;
  labelsApplied: string[];
  labelsRemoved: string[];
  review?: { decision: 'confirm' | 'dismiss' | 'escalate' | 'relabel'; note: string; isAppeal: boolean };
  facts: Array<{ en: string; zh: string }>;
  grounds: LocalizedGround[];
  automated: 'FULLY' | 'PARTIALLY' | 'NOT';
}

/** Stands for the appeal sentence, filled in when the notice is served (see appeal-text.ts). */
export const APPEAL_MARKER = '{{appeal}}';

const OUTCOME = {
  confirm: { en: 'A reviewer confirmed the findings.', zh: '审核员确认了上述情况。' },
  dismiss: { en: 'A reviewer dismissed the findings; what was restricted automatically is lifted.', zh: '审核员驳回了上述情况；自动施加的限制已解除。' },
  escalate: { en: 'The case was escalated.', zh: '案件已升级处理。' },
  relabel: { en: "A reviewer changed the listing's labels.", zh: '审核员更改了商品的标签。' },
};
const AUTOMATION = {
  FULLY: { en: 'This decision was fully automated', zh: '本决定完全由系统自动作出' },
  PARTIALLY: { en: 'This decision was made by a reviewer on automated findings', zh: '本决定由审核员依据系统自动检测的结果作出' },
  NOT: { en: 'This decision was made by a person', zh: '本决定由人工作出' },
};

/**
 * The seller's notice in English and in Chinese, built from the same parts so the two always say the
 * same. Chinese text is Chinese throughout: input (titles, labels, read text, reviewer notes) is
 * quoted in 「」, never mixed into our sentences.
 */
export function renderNotice(input: NoticeTextInput): { en: string; zh: string } {
  const t = input.title;
  const en: string[] = [];
  const zh: string[] = [];
  const list = (labels: string[]) => ({ en: labels.map((l) => `"${l}"`).join(', '), zh: labels.map((l) => `「${l}」`).join('、') });
  if (input.effect === 'restriction') {
    if (input.disabled) {
      en.push(`Your listing "${t}" is hidden from buyers until you correct it.`);
      zh.push(`您的商品「${t}」已对买家隐藏，直至您更正为止。`);
    }
    if (input.labelsApplied.length) {
      en.push(`The label(s) ${list(input.labelsApplied).en} were added to your listing "${t}".`);
      zh.push(`您的商品「${t}」已被添加标签：${list(input.labelsApplied).zh}。`);
    }
  } else if (input.effect === 'restriction_lifted') {
    en.push(`The restriction on your listing "${t}" is lifted.`);
    zh.push(`您的商品「${t}」的限制已解除。`);
  } else {
    en.push(`We checked your listing "${t}"; nothing on it is restricted.`);
    zh.push(`我们检查了您的商品「${t}」，未对其作任何限制。`);
  }
  if (input.labelsRemoved.length) {
    en.push(`The label(s) ${list(input.labelsRemoved).en} were removed from your listing.`);
    zh.push(`已移除标签：${list(input.labelsRemoved).zh}。`);
  }
  const lines = { en: [en.join(' ')], zh: [zh.join('')] };
  if (input.review) {
    const { decision, note, isAppeal } = input.review;
    lines.en.push(`Decision: ${isAppeal ? 'Appeal reviewed: ' : ''}${OUTCOME[decision].en} Reviewer's note: "${note}"`);
    lines.zh.push(`决定：${isAppeal ? '您的申诉已审核。' : ''}${OUTCOME[decision].zh}审核员备注：「${note}」`);
  }
  const facts = input.facts.length ? input.facts : [{ en: 'No finding remains on this listing.', zh: '该商品已无待处理的问题。' }];
  lines.en.push(`What we found:\n${facts.map((f) => `- ${f.en}`).join('\n')}`);
  lines.zh.push(`发现的情况：\n${facts.map((f) => `- ${f.zh}`).join('\n')}`);
  const grounds = input.grounds.length ? input.grounds : [{ en: 'Marketplace terms of sale.', zh: '平台销售条款。' }];
  lines.en.push(`Why: ${grounds.map((g) => g.en).join(' ')}`);
  lines.zh.push(`依据：${grounds.map((g) => g.zh ?? `「${g.en}」`).join('')}`);
  lines.en.push(`${AUTOMATION[input.automated].en}; the findings were detected automatically.`);
  lines.zh.push(`${AUTOMATION[input.automated].zh}；相关情况由系统自动检测。`);
  if (input.effect !== 'restriction_lifted') {
    lines.en.push(APPEAL_MARKER);
    lines.zh.push(APPEAL_MARKER);
  }
  return { en: lines.en.join('\n\n'), zh: lines.zh.join('\n\n') };
}
