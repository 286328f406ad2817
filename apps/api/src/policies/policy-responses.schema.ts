import { z } from 'zod';
import { policyRulesSchema } from '@listinglens/policy';

/**
 * Policy responses: here rather than in contracts because their rules are the policy lib's schema
 * (contracts cannot import it). Rules are validated by that schema when a policy is written.
 */
const policyVersionFields = {
  marketplace: z.string().meta({ description: '"*" applies to every marketplace' }),
  version: z.number().int(),
  shadow: z.boolean().meta({ description: 'matches are recorded in the audit log, not acted on' }),
  rules: policyRulesSchema,
};

export const policyRecordSchema = z
  .strictObject({ ...policyVersionFields, createdBy: z.string(), createdAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'Policy' });

export const policyListSchema = z
  .strictObject({
    default: z.strictObject(policyVersionFields).meta({ id: 'DefaultPolicy', description: 'the committed default (version 0), used where no version is stored' }),
    policies: z.array(policyRecordSchema),
  })
  .meta({ id: 'PolicyList' });
