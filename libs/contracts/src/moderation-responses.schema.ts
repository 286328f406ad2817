import { z } from 'zod';
import { ApiErrorCode } from './api-errors';
import { SEVERITIES } from './findings';
import { TDB_CATEGORIES, TDB_CONTENT_TYPES, TDB_DECISION_VISIBILITIES, TDB_KEYWORDS } from './transparency-db/vocabulary';

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

const previewBox = z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/** What a queue row shows of its listing, so a reviewer can triage without claiming. */
export const reviewItemPreviewSchema = z
  .strictObject({
    title: z.string(),
    price: z.strictObject({ amount: z.string(), currency: z.string() }),
    image: z
      .strictObject({
        position: z.number().int(),
        width: z.number().int(),
        height: z.number().int(),
        sha256: z.string(),
        evidenceKept: z.boolean().meta({ description: 'its thumbnail: GET /v1/scans/{scanId}/images/{position}/evidence?size=thumb' }),
        boxes: z.array(previewBox).meta({ description: "the findings' boxes on it, in the image's own pixels" }),
      })
      .nullable()
      .meta({ description: 'the flagged image (the one with the most severe finding); null for listing-level findings only' }),
    priceRead: z
      .strictObject({ amount: z.string(), currencies: z.array(z.string()) })
      .nullable()
      .meta({ description: 'the price read from the image, where a price.mismatch finding is involved' }),
  })
  .meta({ id: 'ReviewItemPreview' });

export const reviewQueueItemSchema = reviewItemSchema.extend({ preview: z.union([reviewItemPreviewSchema, z.null()]) }).meta({ id: 'ReviewQueueItem' });

export const reviewItemPageSchema = z
  .strictObject({ items: z.array(reviewQueueItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'ReviewItemPage' });

export const reviewDecisionResultSchema = z
  .strictObject({ item: reviewItemSchema, noticeIds: z.array(uuid).meta({ description: 'notices the decision sent to the seller' }) })
  .meta({ id: 'ReviewDecisionResult' });

export const decisionPreviewSchema = z
  .strictObject({
    notices: z.array(
      z.strictObject({
        effect: z.enum(['restriction', 'restriction_lifted', 'information']),
        sentToDatabase: z.boolean().meta({ description: 'a restriction: its statement is published in the DSA Transparency Database' }),
        public: z.record(z.string(), z.unknown()).meta({ description: 'the statement exactly as it would be sent: personal data in its text masked' }),
      }),
    ),
  })
  .meta({ id: 'DecisionPreview' });

export const bulkDecisionResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        itemId: uuid,
        status: z.number().int().meta({ description: 'the HTTP status this decision alone would have had' }),
        item: reviewItemSchema.optional(),
        error: z.strictObject({ code: z.enum(ApiErrorCode), message: z.string() }).optional(),
      }),
    ),
  })
  .meta({ id: 'BulkDecisionResult' });

/** DSA art. 17 statement of reasons, with the DSA Transparency Database's field names and values (see TDB_RULES_VERSION). */
export const statementOfReasonsSchema = z
  .strictObject({
    puid: z.string(),
    decision_visibility: z.array(z.enum(TDB_DECISION_VISIBILITIES)),
    decision_visibility_other: z.string().optional().meta({ description: 'what DECISION_VISIBILITY_OTHER means here' }),
    decision_ground: z.literal('DECISION_GROUND_INCOMPATIBLE_CONTENT'),
    incompatible_content_ground: z.string(),
    incompatible_content_explanation: z.string(),
    content_type: z.array(z.enum(TDB_CONTENT_TYPES)),
    category: z.enum(TDB_CATEGORIES),
    category_addition: z.array(z.enum(TDB_CATEGORIES)),
    category_specification: z.array(z.enum(TDB_KEYWORDS)),
    decision_facts: z.string(),
    automated_detection: z.enum(['Yes', 'No']),
    automated_decision: z.enum(['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED']),
    source_type: z.literal('SOURCE_VOLUNTARY'),
    territorial_scope: z.array(z.string()),
    application_date: z.string(),
    content_date: z.string(),
    redress: z.array(z.string()).meta({ description: 'not a Transparency Database field: the redress options (art. 17(3)(f))' }),
    labels: z.array(z.string()),
    policy_version: z.number().int().nullable(),
    rule_ids: z.array(z.string()),
  })
  .meta({ id: 'StatementOfReasons' });

export const TDB_SUBMISSION_STATUSES = ['not_required', 'queued', 'submitted', 'refused', 'failed'] as const;

export const transparencyDbSubmissionSchema = z
  .strictObject({
    status: z.enum(TDB_SUBMISSION_STATUSES).meta({
      description:
        'not_required: the notice restricts nothing (art. 24(5) covers restrictions); queued: waiting for the submitter (off until configured) or a retry; ' +
        'submitted: the database holds it (uuid); refused: the database answered 4xx (errors says why); failed: retries ran out',
    }),
    attempts: z.number().int(),
    uuid: z.string().nullable().meta({ description: "the database's id of the statement, once submitted" }),
    httpStatus: z.number().int().nullable().meta({ description: "the database's last HTTP status; null when it could not be reached" }),
    errors: z.unknown().meta({ description: "the database's validation errors ({field: [messages]}) or why it could not be reached; null if none" }),
    lastAttemptAt: timestamp.nullable(),
    nextAttemptAt: timestamp.nullable(),
    submittedAt: timestamp.nullable(),
  })
  .meta({ id: 'TransparencyDbSubmission' });

export const noticeSchema = z
  .strictObject({
    id: uuid,
    puid: z.string(),
    listingId: uuid,
    sellerId: z.string(),
    effect: z.enum(['restriction', 'restriction_lifted', 'information']).meta({ description: 'what the decision did to the listing' }),
    statement: statementOfReasonsSchema,
    rendered: z.strictObject({ en: z.string(), zh: z.string() }),
    parentNoticeId: uuid.nullable(),
    appealedAt: timestamp.nullable(),
    createdAt: timestamp,
    transparencyDb: transparencyDbSubmissionSchema,
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
