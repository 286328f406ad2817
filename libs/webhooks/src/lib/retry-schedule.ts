/**
 * When each delivery attempt happens, measured from the previous failure: attempt 1 at once, then
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (the Standard Webhooks / Svix schedule). Eight attempts
 * over about 28 hours, then the delivery is given up (and can still be replayed by hand).
 */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** ±10 %: enough to spread a burst of retries after an outage, small enough to keep the schedule. */
export const RETRY_JITTER_RATIO = 0.1;

/** Parses "0,500,1000" (milliseconds, one per attempt); empty or missing means the default. */
export function parseRetrySchedule(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_RETRY_SCHEDULE_MS];
  const delays = value.split(',').map((part) => part.trim());
  if (delays.some((d) => !/^\d+$/.test(d))) {
    throw new Error(`retry schedule "${value}" must be comma-separated whole milliseconds, e.g. "0,5000,300000"`);
  }
  return delays.map(Number);
}

/** A delay moved by up to ±ratio at random; 0 stays 0 (the first attempt is immediate). */
export function withJitter(delayMs: number, random: () => number = Math.random, ratio = RETRY_JITTER_RATIO): number {
  if (delayMs <= 0) return 0;
  const offset = (random() * 2 - 1) * ratio * delayMs;
  return Math.max(0, Math.round(delayMs + offset));
}

/** Delay before attempt number `attempt` (1-based), without jitter; null when the schedule has no such attempt. */
export function scheduledDelay(schedule: readonly number[], attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > schedule.length) return null;
  return schedule[attempt - 1];
}

/**
 * After attempt `failedAttempt` failed: how long until the next one (with jitter), or null when the
 * schedule is exhausted. A receiver's Retry-After (429/503) replaces the scheduled delay.
 */
export function nextRetryDelay(
  schedule: readonly number[],
  failedAttempt: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number | null {
  const scheduled = scheduledDelay(schedule, failedAttempt + 1);
  if (scheduled === null) return null;
  if (retryAfterMs !== null) return retryAfterMs;
  return withJitter(scheduled, random);
}
