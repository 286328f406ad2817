import { nextRetryDelay } from './retry-schedule';
import type { WebhookAttemptResult } from './webhook-poster';

/** What happens after an attempt: the rules of the issue in one place, free of I/O. */
export type AttemptDecision =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'failed'; disableReason?: string };

export interface AttemptContext {
  /** 1-based number of the attempt that just ended. */
  attempt: number;
  schedule: readonly number[];
  /** A replay asked for by hand is one attempt: it is not retried on the schedule. */
  replay: boolean;
  random?: () => number;
}

/**
 * 2xx → delivered. 410 Gone → failed, and the endpoint is disabled. A refused address → failed (it
 * cannot succeed until allow-listed). 429/503 wait for Retry-After when given; everything else
 * (other statuses, timeouts, connection errors) retries on the schedule until it runs out.
 */
export function decideAttemptOutcome(result: WebhookAttemptResult, context: AttemptContext): AttemptDecision {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300) return { kind: 'delivered' };
  if (result.kind === 'response' && result.status === 410) return { kind: 'failed', disableReason: 'the endpoint answered 410 Gone' };
  if (result.kind === 'refused' || context.replay) return { kind: 'failed' };
  const retryAfterMs = result.kind === 'response' && (result.status === 429 || result.status === 503) ? result.retryAfterMs : null;
  const delayMs = nextRetryDelay(context.schedule, context.attempt, retryAfterMs, context.random);
  return delayMs === null ? { kind: 'failed' } : { kind: 'retry', delayMs };
}
