import { z } from 'zod';

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
/** `VAR=` in an env file means unset. */
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);

/**
 * The DSA Transparency Database submitter's settings, validated once at start. Off unless both the
 * base URL and the token are set. Start with the sandbox the Digital Services Coordinator gives at
 * onboarding; production is https://transparency.dsa.ec.europa.eu. Statements are POSTed to
 * `${TDB_API_URL}/api/v1/statement` (its API documentation).
 */
const schema = z
  .object({
    TDB_API_URL: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .url()
        .refine((u) => /^https?:/.test(u), 'must be an http(s) URL')
        .transform((u) => u.replace(/\/+$/, ''))
        .optional(),
    ),
    TDB_API_TOKEN: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
    /** Milliseconds after each failed attempt (5xx, 429, timeout, no connection) before the next; then it fails. */
    TDB_RETRY_SCHEDULE_MS: z
      .string()
      .default('5000,60000,300000,1800000,7200000,21600000,43200000')
      .transform((s, ctx) => {
        const steps = s.split(',').map((p) => Number(p.trim()));
        if (steps.some((n) => !Number.isInteger(n) || n < 0)) {
          ctx.addIssue({ code: 'custom', message: 'comma-separated whole milliseconds, e.g. "5000,60000"' });
          return z.NEVER;
        }
        return steps;
      }),
    TDB_TIMEOUT_MS: ms(15_000),
    TDB_POLL_INTERVAL_MS: ms(1_000),
    TDB_BATCH: z.coerce.number().int().min(1).max(500).default(20),
  })
  .refine((c) => (c.TDB_API_URL === undefined) === (c.TDB_API_TOKEN === undefined), {
    path: ['TDB_API_TOKEN'],
    message: 'set TDB_API_URL and TDB_API_TOKEN together (or neither, to leave submission off)',
  });
export type TransparencyDbConfig = z.infer<typeof schema>;

export function transparencyDbConfig(env: NodeJS.ProcessEnv = process.env): TransparencyDbConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid Transparency Database configuration:\n${problems}`);
  }
  return parsed.data;
}

export const TRANSPARENCY_DB_CONFIG = Symbol('TRANSPARENCY_DB_CONFIG');
