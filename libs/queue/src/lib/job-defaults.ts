import type { JobsOptions } from 'bullmq';

/** Job defaults for every queue, in one place. Retries back off; finished jobs are trimmed so Redis
 * (maxmemory-policy noeviction) never fills up; failed ones are kept a week for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
};
