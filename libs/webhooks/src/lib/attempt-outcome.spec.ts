import { describe, expect, it } from 'vitest';
import { decideAttemptOutcome } from './attempt-outcome';
import { DEFAULT_RETRY_SCHEDULE_MS } from './retry-schedule';
import type { WebhookAttemptResult } from './webhook-poster';

const response = (status: number, retryAfterMs: number | null = null): WebhookAttemptResult => ({ kind: 'response', status, latencyMs: 5, retryAfterMs, excerpt: null });
const context = (attempt: number, replay = false) => ({ attempt, schedule: DEFAULT_RETRY_SCHEDULE_MS, replay, random: () => 0.5 });

describe('attempt outcome', () => {
  it('any 2xx is delivered', () => {
    expect(decideAttemptOutcome(response(200), context(1))).toEqual({ kind: 'delivered' });
    expect(decideAttemptOutcome(response(204), context(8))).toEqual({ kind: 'delivered' });
  });

  it('410 Gone fails for good and disables the endpoint', () => {
    expect(decideAttemptOutcome(response(410), context(1))).toEqual({ kind: 'failed', disableReason: 'the endpoint answered 410 Gone' });
  });

  it('a refused private address is not retried', () => {
    expect(decideAttemptOutcome({ kind: 'refused', latencyMs: 0, error: 'refused' }, context(1))).toEqual({ kind: 'failed' });
  });

  it('errors, timeouts and other statuses retry on the schedule until the eighth attempt', () => {
    expect(decideAttemptOutcome(response(500), context(1))).toEqual({ kind: 'retry', delayMs: 5_000 });
    expect(decideAttemptOutcome(response(301), context(2))).toEqual({ kind: 'retry', delayMs: 300_000 });
    expect(decideAttemptOutcome({ kind: 'failed', latencyMs: 15_000, error: 'timed out' }, context(4))).toEqual({ kind: 'retry', delayMs: 7_200_000 });
    expect(decideAttemptOutcome(response(500), context(8))).toEqual({ kind: 'failed' });
  });

  it('429 and 503 honour Retry-After; without one they follow the schedule', () => {
    expect(decideAttemptOutcome(response(429, 42_000), context(1))).toEqual({ kind: 'retry', delayMs: 42_000 });
    expect(decideAttemptOutcome(response(503, 0), context(3))).toEqual({ kind: 'retry', delayMs: 0 });
    expect(decideAttemptOutcome(response(503), context(1))).toEqual({ kind: 'retry', delayMs: 5_000 });
    // Retry-After on another status is not a promise the receiver made about availability.
    expect(decideAttemptOutcome(response(500, 42_000), context(1))).toEqual({ kind: 'retry', delayMs: 5_000 });
  });

  it('a replay is one attempt', () => {
    expect(decideAttemptOutcome(response(500), context(9, true))).toEqual({ kind: 'failed' });
    expect(decideAttemptOutcome(response(200), context(9, true))).toEqual({ kind: 'delivered' });
  });
});
