/**
 * Queue names and job payloads, one map per queue (Immich-style): a job name without a payload type
 * does not compile, and the worker refuses to start when a job name has no handler.
 */
export const QUEUES = {
  scan: 'scan',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  'scan.listing': { scanId: string; requestId?: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [K in JobName]: QueueName } = {
  'scan.listing': QUEUES.scan,
};

export function isScanJobPayload(value: unknown): value is JobPayloads['scan.listing'] {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { scanId?: unknown; requestId?: unknown };
  return typeof v.scanId === 'string' && (v.requestId === undefined || typeof v.requestId === 'string');
}
