import { LISTED_IMAGE_GROUND, LISTED_IMAGE_GROUND_ZH } from './hash-list-rules';
import type { PolicyVersion } from './policy-schema';

/**
 * The committed default (version 0, every marketplace): label and tell the seller when an image is
 * likely AI-generated and the listing does not say so (EU AI Act art. 50), and send every finding of
 * high severity or above to human review. A marketplace replaces it with POST /v1/policies.
 */
export const DEFAULT_POLICY: PolicyVersion = {
  marketplace: '*',
  version: 0,
  shadow: false,
  rules: [
    {
      id: 'default.ai-undisclosed.label',
      code: 'ai.undisclosed',
      minConfidence: 0.8,
      minSeverity: 'info',
      actions: [{ type: 'auto_label', label: 'ai-generated-image' }, { type: 'notify_seller' }],
      ground: 'Terms of sale §4.2: AI-generated or AI-edited product images must be disclosed as such.',
      groundZh: '销售条款第 4.2 条：由人工智能生成或编辑的商品图片必须如实声明。',
    },
    {
      id: 'default.high-severity.review',
      code: '*',
      minConfidence: 0,
      minSeverity: 'high',
      actions: [{ type: 'review' }],
      ground: 'Terms of sale §4: listings must describe the product and its price truthfully.',
      groundZh: '销售条款第 4 条：商品信息必须如实描述商品及其价格。',
    },
    {
      // A match on a shared hash list is another platform's (or our reviewers') judgement, not ours yet.
      // Matches only on watch lists (action "none") are info findings: recorded, not reviewed. A list's
      // own action is applied beside this rule (hash-list-rules.ts).
      id: 'default.listed-match.review',
      code: 'image.listed_match',
      minConfidence: 0,
      minSeverity: 'low',
      actions: [{ type: 'review' }],
      ground: LISTED_IMAGE_GROUND,
      groundZh: LISTED_IMAGE_GROUND_ZH,
    },
  ],
};
