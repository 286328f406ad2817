import type { TdbResponse } from './transparency-db-client';

export type TdbOutcome =
  | { kind: 'accepted'; uuid: string | null }
  | { kind: 'refused'; errors: unknown }
  | { kind: 'retry'; errors: unknown }
  /** 401/403: the token, not the statement: every statement would get the same answer. */
  | { kind: 'auth'; errors: unknown };

const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/**
 * Reads the database's answer (its API documentation: 201 with the created statement and its uuid;
 * 422 with `{message, errors}`; a puid it already holds is a 422 naming the existing statement).
 * A 422 for our own puid means an earlier attempt got through and its answer was lost: that is
 * success. 401 and 403 are about our token (expired, revoked): the submitter pauses and the statement
 * stays queued. Other 4xx will not change by retrying; 408, 429, 5xx and no answer are retried.
 */
export function readTdbAnswer(res: TdbResponse): TdbOutcome {
  const body = asObject(res.body);
  if (res.status === 201 || res.status === 200) return { kind: 'accepted', uuid: typeof body['uuid'] === 'string' ? body['uuid'] : null };
  const existing = asObject(body['existing']);
  if (res.status === 422 && asObject(body['errors'])['puid'] && typeof existing['uuid'] === 'string') return { kind: 'accepted', uuid: existing['uuid'] };
  const errors = body['errors'] ?? (body['message'] !== undefined ? { message: body['message'] } : res.body);
  if (res.status === 401 || res.status === 403) return { kind: 'auth', errors };
  if (res.status === null || res.status === 408 || res.status === 429 || res.status >= 500) return { kind: 'retry', errors };
  return { kind: 'refused', errors };
}
