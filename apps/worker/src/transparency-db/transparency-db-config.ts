import { z } from 'zod';

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
/** `VAR=` in an env file means unset. */
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);

/**
 * The DSA Transparency Database submitter's settings: part of the worker's one schema (../config.ts). Off unless both the
 * base URL and the token are set. Start with the sandbox the Digital Services Coordinator gives at
 * onboarding; production is https://transparency.dsa.ec.europa.eu. Statements are POSTed to
 * `${TDB_API_URL}/api/v1/statement` (its API documentation).
 */
export const transparencyDbSettings = z.object({
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
  /** After a 401/403 (the token expired or was revoked), nothing is sent for this long; statements stay queued. */
  TDB_AUTH_PAUSE_MS: z.coerce.number().int().min(100).default(300_000),
});
export type TransparencyDbConfig = z.output<typeof transparencyDbSettings>;

/** A refinement of the composed schema (a refined object cannot be spread into another one). */
export function transparencyDbBothOrNeither(c: Pick<TransparencyDbConfig, 'TDB_API_URL' | 'TDB_API_TOKEN'>): boolean {
  return (c.TDB_API_URL === undefined) === (c.TDB_API_TOKEN === undefined);
}
/**
 * The token travels with every request: plain http is refused, except to a loopback stand-in of the
 * database under NODE_ENV=test (the token then never leaves the machine).
 */
export function transparencyDbUrlIsSafe(c: Pick<TransparencyDbConfig, 'TDB_API_URL'> & { NODE_ENV: string }): boolean {
  if (!c.TDB_API_URL) return true;
  const url = new URL(c.TDB_API_URL);
  if (url.protocol === 'https:') return true;
  return c.NODE_ENV === 'test' && isLoopbackHost(url.hostname);
}
export const TDB_URL_SAFE = {
  path: ['TDB_API_URL'],
  message: 'must be https: (it carries TDB_API_TOKEN); http: is accepted only for a loopback host with NODE_ENV=test',
};

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export const TDB_BOTH_OR_NEITHER = {
  path: ['TDB_API_TOKEN'],
  message: 'set TDB_API_URL and TDB_API_TOKEN together (or neither, to leave submission off)',
};

export const TRANSPARENCY_DB_CONFIG = Symbol('TRANSPARENCY_DB_CONFIG');
