import { z } from 'zod';
import { ApiErrorCode } from './api-errors';
import { FINDING_CODES, SEVERITIES } from './findings';
import { IMAGE_ERROR_CODES } from './image-errors';
import { listingSnapshotSchema } from './listing';
import { SCAN_STATUSES } from './views';
import { WEBHOOK_EVENT_TYPES } from './events';

/**
 * What the HTTP API answers, as zod: the OpenAPI document is generated from these, and the e2e suites
 * parse real responses with them. Strict objects, so a field the API sends but the document does not
 * name fails a test instead of surprising an integrator. `id` names the OpenAPI component.
 */
const timestamp = z.iso.datetime({ offset: true });
const uuid = z.guid();

export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ApiErrorCode).meta({ description: 'stable code: add, never rename' }),
      message: z.string(),
      fields: z
        .array(z.strictObject({ field: z.string().meta({ description: 'path of the offending field, e.g. images[3].url' }), message: z.string() }))
        .optional()
        .meta({ description: 'every offending field, on validation_failed' }),
    }),
    requestId: z.string().meta({ description: 'also in the x-request-id header; quote it when reporting a problem' }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const ingestResultSchema = z
  .strictObject({ listingId: uuid, scanId: uuid, status: z.enum(SCAN_STATUSES) })
  .meta({ id: 'IngestResult', description: 'The same content again answers with the same scanId and queues nothing' });
export const ingestBatchResultSchema = z.strictObject({ results: z.array(ingestResultSchema) }).meta({ id: 'IngestBatchResult' });

export const imageViewSchema = z
  .strictObject({
    position: z.number().int(),
    sha256: z.string().nullable(),
    format: z.string().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    pdq: z.string().regex(/^[0-9a-f]{64}$/).nullable().meta({
      description: "PDQ (Meta's 256-bit perceptual hash) as 64 lowercase hex digits, the form ThreatExchange and HMA hash lists use; null when the image could not be decoded",
    }),
    pdqQuality: z.number().int().min(0).max(100).nullable().meta({ description: "PDQ's quality, 0–100 (≤ 49: too featureless to match reliably)" }),
    evidenceKept: z.boolean().meta({
      description: 'true: the scanned bytes (sha256) are kept as evidence (GET /v1/scans/{scanId}/images/{position}/evidence); false: only the hashes and metadata (no finding, or past EVIDENCE_RETENTION_DAYS)',
    }),
    error: z.strictObject({ code: z.enum(IMAGE_ERROR_CODES), message: z.string(), detector: z.string().optional() }).nullable(),
  })
  .meta({ id: 'Image' });

export const findingViewSchema = z
  .strictObject({
    code: z.enum(FINDING_CODES),
    severity: z.enum(SEVERITIES),
    confidence: z.number().min(0).max(1),
    imagePosition: z.number().int().nullable().meta({ description: 'null for listing-level findings' }),
    evidence: z.record(z.string(), z.unknown()).meta({ description: 'per finding code; always explains the finding (see README, Findings)' }),
    ruleId: z.string(),
  })
  .meta({ id: 'Finding' });

export const scanViewSchema = z
  .strictObject({
    scanId: uuid,
    listingId: uuid,
    listingVersion: z.number().int(),
    status: z.enum(SCAN_STATUSES),
    queuedAt: timestamp,
    startedAt: timestamp.nullable(),
    completedAt: timestamp.nullable(),
    error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
    images: z.array(imageViewSchema),
    findings: z.array(findingViewSchema),
  })
  .meta({ id: 'Scan' });

export const listingViewSchema = z
  .strictObject({
    listingId: uuid,
    ...listingSnapshotSchema.shape,
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
    labels: z.array(z.string()).meta({ description: 'labels currently on the listing' }),
    // A union, not .nullable(): zod-to-openapi 9.1 would make the Scan component itself nullable.
    latestScan: z.union([scanViewSchema, z.null()]),
  })
  .meta({ id: 'Listing' });
export type ListingView = z.infer<typeof listingViewSchema>;

export const healthSchema = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Health' });
export const readinessSchema = z
  .strictObject({
    status: z.enum(['ready', 'not_ready']),
    checks: z.strictObject({ postgres: z.string(), redis: z.string() }).meta({ description: '"ok" or "error: …" per dependency' }),
  })
  .meta({ id: 'Readiness' });

export const apiKeyCreatedSchema = z
  .strictObject({ id: uuid, key: z.string().meta({ description: 'shown this once; only its hash is stored' }), name: z.string(), scopes: z.array(z.string()) })
  .meta({ id: 'ApiKeyCreated' });

export const webhookEndpointSchema = z
  .strictObject({
    id: uuid,
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    ownerKeyId: uuid.nullable(),
    createdAt: timestamp,
    previousSecretExpiresAt: timestamp.nullable().meta({ description: 'while set, the previous secret still signs alongside the current one' }),
    failingSince: timestamp.nullable(),
    disabledAt: timestamp.nullable(),
    disabledReason: z.string().nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });
export const webhookEndpointListSchema = z.strictObject({ items: z.array(webhookEndpointSchema) }).meta({ id: 'WebhookEndpointList' });

const webhookSecret = z.string().meta({ description: 'whsec_… signing secret, shown this once' });
export const webhookEndpointCreatedSchema = z
  .strictObject({ id: uuid, url: z.string(), events: z.array(z.enum(WEBHOOK_EVENT_TYPES)), secret: webhookSecret, createdAt: timestamp })
  .meta({ id: 'WebhookEndpointCreated' });
export const webhookSecretRotatedSchema = z
  .strictObject({ id: uuid, secret: webhookSecret, previousSecretExpiresAt: timestamp })
  .meta({ id: 'WebhookSecretRotated' });

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'replaying', 'delivered', 'failed', 'cancelled'] as const;
export const webhookDeliverySchema = z
  .strictObject({
    messageId: z.string().meta({ description: 'the webhook-id header, msg_<eventId>' }),
    eventId: uuid,
    eventType: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attemptCount: z.number().int(),
    lastStatus: z.number().int().nullable(),
    createdAt: timestamp,
    nextAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
    attempts: z.array(
      z.strictObject({
        at: timestamp,
        statusCode: z.number().int().nullable(),
        latencyMs: z.number().int(),
        error: z.string().nullable(),
        responseExcerpt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'WebhookDelivery' });
export const webhookDeliveryPageSchema = z
  .strictObject({ items: z.array(webhookDeliverySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'WebhookDeliveryPage' });
export const webhookReplaySchema = z
  .strictObject({ messageId: z.string(), status: z.enum(['retrying', 'replaying']), attempt: z.number().int() })
  .meta({ id: 'WebhookReplay' });
