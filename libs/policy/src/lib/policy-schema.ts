import { z } from 'zod';
import { FINDING_CODES, SEVERITIES } from '@listinglens/contracts';

/** A label is a short slug shown on the listing ("ai-generated-image"): the one pattern policies and
 * reviewers' decisions both check. */
export const labelSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a label is a lower-case slug, e.g. "ai-generated-image"');

export const policyActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('review') }).strict(),
  z.object({ type: z.literal('auto_label'), label: labelSchema }).strict(),
  z.object({ type: z.literal('notify_seller') }).strict(),
  z.object({ type: z.literal('none') }).strict(),
]);

export const policyRuleSchema = z
  .object({
    id: z.string().regex(/^[\w.:-]{1,80}$/, 'a rule id is letters, digits and . _ : -'),
    /** A finding code, or "*" for every code. */
    code: z.enum([...FINDING_CODES, '*']),
    minConfidence: z.number().min(0).max(1).default(0),
    minSeverity: z.enum(SEVERITIES).default('info'),
    actions: z.array(policyActionSchema).min(1),
    /** The contractual ground shown to the seller (terms of service clause, in plain words). */
    ground: z.string().max(500).optional(),
    /** The same ground in Chinese for Chinese notices; without it the English ground is quoted there. */
    groundZh: z.string().max(500).optional(),
  })
  .strict();

export const policyRulesSchema = z.array(policyRuleSchema).min(1).max(200);

export const createPolicySchema = z
  .object({
    marketplace: z.string().trim().min(1).max(100),
    rules: policyRulesSchema,
    shadow: z.boolean().default(false),
  })
  .strict();

export type PolicyAction = z.infer<typeof policyActionSchema>;
export type PolicyRule = z.infer<typeof policyRuleSchema>;

export interface PolicyVersion {
  marketplace: string;
  version: number;
  shadow: boolean;
  rules: PolicyRule[];
}

