/**
 * Webhook events (Standard Webhooks envelope `{type, timestamp, data}`): written to the outbox in the
 * same transaction as the change they describe, delivered by the worker.
 */
export const WEBHOOK_EVENT_TYPES = [
  'scan.completed',
  'listing.flagged',
  'listing.labeled',
  'review.decided',
  'notice.created',
  'notice.appealed',
  'endpoint.disabled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEventPayloads {
  'scan.completed': { scanId: string; listingId: string; marketplace: string; externalId: string; status: 'completed' | 'failed'; findingCodes: string[] };
  'listing.flagged': { listingId: string; reviewItemId: string; severity: string; codes: string[]; policyVersion: number | null; isAppeal: boolean };
  'listing.labeled': { listingId: string; labels: string[]; added: string[]; removed: string[]; by: 'policy' | 'reviewer'; policyVersion: number | null };
  'review.decided': { reviewItemId: string; listingId: string; decision: string; labelsApplied: string[]; labelsRemoved: string[]; note: string; decidedBy: string };
  /** `effect` says what to enforce: a restriction (the first `restriction`, a Transparency Database
   * decision_visibility), a restriction lifted, or information only (`restriction` is then "none"). */
  'notice.created': { noticeId: string; puid: string; listingId: string; sellerId: string; restriction: string; effect?: 'restriction' | 'restriction_lifted' | 'information' };
  'notice.appealed': { noticeId: string; listingId: string; sellerId: string; reviewItemId: string };
  'endpoint.disabled': { endpointId: string; url: string; reason: string; failingSince: string | null };
}

export interface WebhookEnvelope<T extends WebhookEventType = WebhookEventType> {
  type: T;
  timestamp: string;
  data: WebhookEventPayloads[T];
}
