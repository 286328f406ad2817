import { z } from 'zod';
import {
  TDB_AUTOMATED_DECISIONS,
  TDB_AUTOMATED_DETECTIONS,
  TDB_CATEGORIES,
  TDB_CONTENT_TYPES,
  TDB_COUNTRIES,
  TDB_DECISION_GROUNDS,
  TDB_DECISION_VISIBILITIES,
  TDB_KEYWORDS,
  TDB_SOURCE_TYPES,
} from './vocabulary';

/**
 * A statement of reasons as POST /api/v1/statement of the DSA Transparency Database accepts it: the
 * same required fields, conditions, lengths and ranges as its StatementStoreRequest (see
 * vocabulary.ts for the version). Unknown keys pass, as there (the database drops them). Lengths
 * count characters, as Laravel's `max` does for strings.
 */
const text = (max: number) => z.string().refine((s) => s.trim().length > 0, 'is required').refine((s) => [...s].length <= max, `may not be greater than ${max} characters`);
const optionalText = (max: number) => z.string().refine((s) => [...s].length <= max, `may not be greater than ${max} characters`).nullish();
const day = (min: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'does not match the format YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a valid date')
    .refine((d) => d >= min, `must be a date after or equal to ${min}`)
    .refine((d) => d <= '2038-01-01', 'must be a date before or equal to 2038-01-01');
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'is required');

export const tdbStatementSchema = z
  .object({
    decision_visibility: z.array(z.enum(TDB_DECISION_VISIBILITIES)).nullish(),
    decision_visibility_other: optionalText(500),
    decision_monetary: z.enum(['DECISION_MONETARY_SUSPENSION', 'DECISION_MONETARY_TERMINATION', 'DECISION_MONETARY_OTHER']).nullish(),
    decision_monetary_other: optionalText(500),
    decision_provision: z
      .enum(['DECISION_PROVISION_PARTIAL_SUSPENSION', 'DECISION_PROVISION_TOTAL_SUSPENSION', 'DECISION_PROVISION_PARTIAL_TERMINATION', 'DECISION_PROVISION_TOTAL_TERMINATION'])
      .nullish(),
    decision_account: z.enum(['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED']).nullish(),
    account_type: z.enum(['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE']).nullish(),
    category_specification: z.array(z.enum(TDB_KEYWORDS)).nullish(),
    category_specification_other: optionalText(500),
    decision_ground: z.enum(TDB_DECISION_GROUNDS),
    decision_ground_reference_url: z.url().max(500).nullish(),
    illegal_content_legal_ground: optionalText(500),
    illegal_content_explanation: optionalText(2000),
    incompatible_content_ground: optionalText(500),
    incompatible_content_explanation: optionalText(2000),
    incompatible_content_illegal: z.enum(['Yes', 'No']).nullish(),
    content_type: nonEmpty(z.enum(TDB_CONTENT_TYPES)),
    content_type_other: optionalText(500),
    category: z.enum(TDB_CATEGORIES),
    category_addition: z.array(z.enum(TDB_CATEGORIES)).optional(),
    territorial_scope: z.array(z.enum(TDB_COUNTRIES)).nullish(),
    content_language: z.string().regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 639-1 code').nullish(),
    content_id: z.object({ 'EAN-13': z.string().regex(/^\d{13}$/) }).partial().nullish(),
    content_date: day('2000-01-01'),
    application_date: day('2020-01-01'),
    end_date_account_restriction: day('0000-00-00').nullish(),
    end_date_monetary_restriction: day('0000-00-00').nullish(),
    end_date_service_restriction: day('0000-00-00').nullish(),
    end_date_visibility_restriction: day('0000-00-00').nullish(),
    decision_facts: text(5000),
    source_type: z.enum(TDB_SOURCE_TYPES),
    source_identity: optionalText(500),
    automated_detection: z.enum(TDB_AUTOMATED_DETECTIONS),
    automated_decision: z.enum(TDB_AUTOMATED_DECISIONS),
    puid: z.string().min(1, 'is required').max(500).regex(/^[a-zA-Z0-9\-_]+$/, 'The puid format is invalid.'),
  })
  .superRefine((s, ctx) => {
    const need = (when: boolean, field: string, message: string, value: unknown) => {
      if (when && (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const restrictions = [s.decision_visibility?.length ? 1 : 0, s.decision_monetary ? 1 : 0, s.decision_provision ? 1 : 0, s.decision_account ? 1 : 0];
    if (restrictions.every((r) => r === 0)) {
      ctx.addIssue({ code: 'custom', path: ['decision_visibility'], message: 'is required when none of decision monetary / decision provision / decision account are present' });
    }
    need(s.decision_visibility?.includes('DECISION_VISIBILITY_OTHER') ?? false, 'decision_visibility_other', 'is required when decision visibility is other', s.decision_visibility_other);
    need(s.decision_monetary === 'DECISION_MONETARY_OTHER', 'decision_monetary_other', 'is required when decision monetary is other', s.decision_monetary_other);
    need(s.content_type.includes('CONTENT_TYPE_OTHER'), 'content_type_other', 'is required when content is other', s.content_type_other);
    const illegal = s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT';
    need(illegal, 'illegal_content_legal_ground', 'is required when decision ground is illegal content', s.illegal_content_legal_ground);
    need(illegal, 'illegal_content_explanation', 'is required when decision ground is illegal content', s.illegal_content_explanation);
    need(!illegal, 'incompatible_content_ground', 'is required when decision ground is incompatible content', s.incompatible_content_ground);
    need(!illegal, 'incompatible_content_explanation', 'is required when decision ground is incompatible content', s.incompatible_content_explanation);
    // The API documentation adds: an end date is on or after the application date.
    for (const field of ['end_date_account_restriction', 'end_date_monetary_restriction', 'end_date_service_restriction', 'end_date_visibility_restriction'] as const) {
      const end = s[field];
      if (end && end < s.application_date) ctx.addIssue({ code: 'custom', path: [field], message: 'must be a date after or equal to the application date' });
    }
  });

export type TdbStatement = z.input<typeof tdbStatementSchema>;

/** The database's 422 body: `{message, errors: {field: [messages]}}`. */
export function tdbValidationErrors(statement: unknown): Record<string, string[]> | null {
  const parsed = tdbStatementSchema.safeParse(statement);
  if (parsed.success) return null;
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? issue.path.join('.') : 'statement';
    (errors[field] ??= []).push(`The ${field.replace(/_/g, ' ')} field ${issue.message}`);
  }
  return errors;
}

const TDB_FIELDS = Object.keys(tdbStatementSchema.shape);

/** The body to POST: only the database's fields (our own, like rule_ids, stay home). */
export function toTdbSubmission(statement: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(statement).filter(([key, value]) => TDB_FIELDS.includes(key) && value !== undefined));
}
