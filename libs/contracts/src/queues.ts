/**
 * Queue names and job payloads, one map per queue (Immich-style): a job name without a payload type
 * does not compile, and each processor's handler map must cover every job of its queue.
 */
export const QUEUES = {
  scan: 'scan',
  webhooks: 'webhooks',
  /** Periodic jobs run once per interval by whichever worker takes them (BullMQ job schedulers). */
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface QueueJobs {
  scan: { 'scan.listing': { scanId: string; requestId?: string } };
  webhooks: { 'webhook.deliver': { deliveryId: string } };
  maintenance: { 'scan.reconcile': Record<string, never>; 'webhook.reconcile': Record<string, never>; 'evidence.expire': Record<string, never> };
}
export type JobPayloads = QueueJobs['scan'] & QueueJobs['webhooks'] & QueueJobs['maintenance'];
export type MaintenanceJobName = keyof QueueJobs['maintenance'];

/** A processor's handlers: exactly one per job of its queue. */
export type QueueHandlers<Q extends QueueName> = { [K in keyof QueueJobs[Q]]: (data: QueueJobs[Q][K]) => Promise<unknown> };

export function isScanJobPayload(value: unknown): value is JobPayloads['scan.listing'] {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { scanId?: unknown; requestId?: unknown };
  return typeof v.scanId === 'string' && (v.requestId === undefined || typeof v.requestId === 'string');
}

export function isWebhookJobPayload(value: unknown): value is JobPayloads['webhook.deliver'] {
  return typeof value === 'object' && value !== null && typeof (value as { deliveryId?: unknown }).deliveryId === 'string';
}
