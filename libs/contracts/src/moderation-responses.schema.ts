import { z } from 'zod';
import { SEVERITIES } from './findings';

/** Review queue, notices, audit log and stored policies as the HTTP API answers them (see api-responses.schema.ts). */
const timestamp = z.iso.datetime({ offset: true });
const uuid = z.guid();

export const REVIEW_STATUSES = ['open', 'claimed', 'escalated', 'decided'] as const;

export const reviewItemSchema = z
  .strictObject({
    id: uuid,
    listingId: uuid,
    scanId: uuid.nullable(),
    marketplace: z.string(),
    sellerId: z.string(),
    status: z.enum(REVIEW_STATUSES).meta({ description: 'a claim whose lease ran out reads as open' }),
    severity: z.enum(SEVERITIES),
    codes: z.array(z.string()),
    isAppeal: z.boolean(),
    appealNoticeId: uuid.nullable(),
    policyVersion: z.number().int().nullable(),
    ruleIds: z.array(z.string()),
    claimedBy: z.string().nullable(),
    leaseUntil: timestamp.nullable(),
    decision: z
      .strictObject({ decision: z.string(), note: z.string(), labelsApplied: z.array(z.string()), labelsRemoved: z.array(z.string()) })
      .nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'ReviewItem' });

export const reviewItemPageSchema = z
  .strictObject({ items: z.array(reviewItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ReviewItemPage' });

export const reviewDecisionResultSchema = z
  .strictObject({ item: reviewItemSchema, noticeIds: z.array(uuid).meta({ description: 'notices the decision sent to the seller' }) })
  .meta({ id: 'ReviewDecisionResult' });

export const bulkDecisionResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        itemId: uuid,
        status: z.number().int().meta({ description: 'the HTTP status this decision alone would have had' }),
        item: reviewItemSchema.optional(),
        error: z.strictObject({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  })
  .meta({ id: 'BulkDecisionResult' });

/** DSA art. 17 statement of reasons, DSA Transparency Database field names (StatementOfReasons). */
export const statementOfReasonsSchema = z
  .strictObject({
    puid: z.string(),
    decision_visibility: z.array(z.string()),
    decision_ground: z.enum(['DECISION_GROUND_INCOMPATIBLE_CONTENT', 'DECISION_GROUND_ILLEGAL_CONTENT']),
    incompatible_content_ground: z.string(),
    incompatible_content_explanation: z.string(),
    content_type: z.array(z.string()),
    category: z.string(),
    decision_facts: z.string(),
    automated_detection: z.enum(['Yes', 'No']),
    automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']),
    source_type: z.literal('SOURCE_VOLUNTARY'),
    territorial_scope: z.array(z.string()),
    application_date: z.string(),
    content_date: z.string(),
    redress: z.array(z.string()),
    labels: z.array(z.string()),
    policy_version: z.number().int().nullable(),
    rule_ids: z.array(z.string()),
  })
  .meta({ id: 'StatementOfReasons' });

export const noticeSchema = z
  .strictObject({
    id: uuid,
    puid: z.string(),
    listingId: uuid,
    sellerId: z.string(),
    statement: statementOfReasonsSchema,
    rendered: z.strictObject({ en: z.string(), zh: z.string() }),
    parentNoticeId: uuid.nullable(),
    appealedAt: timestamp.nullable(),
    createdAt: timestamp,
    text: z.string().optional().meta({ description: 'the notice in the language asked for with ?lang=' }),
  })
  .meta({ id: 'Notice' });

export const noticePageSchema = z.strictObject({ items: z.array(noticeSchema), nextCursor: z.string().nullable() }).meta({ id: 'NoticePage' });

export const appealResultSchema = z
  .strictObject({ notice: noticeSchema, reviewItemId: uuid.meta({ description: 'the appeal, back in the review queue' }) })
  .meta({ id: 'AppealResult' });

export const auditEntrySchema = z
  .strictObject({
    seq: z.string().regex(/^\d+$/).meta({ description: 'sequence number (a decimal string): the `after` cursor' }),
    at: timestamp,
    actorType: z.enum(['system', 'key']),
    actor: z.string(),
    action: z.string(),
    listingId: uuid.nullable(),
    subjectType: z.string(),
    subjectId: z.string(),
    reason: z.string().nullable(),
    policyVersion: z.number().int().nullable(),
    ruleId: z.string().nullable(),
    shadow: z.boolean(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = z
  .strictObject({ items: z.array(auditEntrySchema), next: z.string().nullable().meta({ description: 'pass as `after` for the next page; null at the end' }) })
  .meta({ id: 'AuditPage' });
