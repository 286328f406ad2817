import { z } from 'zod';
import { parseRetrySchedule } from '@listinglens/webhooks';

/** The settings webhook delivery reads: part of the worker's one schema (../config.ts). */
export const webhooksSettings = z.object({
  /** Hosts that may resolve to private addresses, comma-separated (same rule as IMAGE_FETCH_ALLOW_HOSTS). */
  WEBHOOK_ALLOW_HOSTS: z.string().default(''),
  /** Milliseconds before each attempt, e.g. "0,500,1000" in tests; empty means the issue's schedule. */
  WEBHOOK_RETRY_SCHEDULE_MS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseRetrySchedule(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    }),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Deliveries in flight at once per worker process (they wait on the network, not the CPU). */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).default(10),
  WEBHOOK_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(20).default(300),
  WEBHOOK_DISPATCH_BATCH: z.coerce.number().int().min(1).max(1_000).default(100),
  /** An endpoint failing continuously for this long is disabled. */
  WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().min(1_000).default(5 * 24 * 3_600_000),
  /** Deliveries overdue by this long get their attempt enqueued again (lost job). */
  WEBHOOK_RECONCILE_AFTER_MS: z.coerce.number().int().min(1_000).default(60_000),
  WEBHOOK_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1_000).default(30_000),
});
export type WebhooksConfig = z.output<typeof webhooksSettings>;

export const WEBHOOKS_CONFIG = Symbol('WEBHOOKS_CONFIG');
export const WEBHOOK_POSTER = Symbol('WEBHOOK_POSTER');
