/**
 * What an API key may do; a seller key is `seller:<sellerId>` and sees only that seller's data. A
 * `metrics` key reads the api's GET /metrics and nothing else (Prometheus need not hold an admin key).
 */
export const API_SCOPES = ['ingest', 'read', 'review', 'admin', 'metrics'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
/** Scopes that see every seller's data (staff of the marketplace). */
export const STAFF_SCOPES: readonly string[] = ['admin', 'review', 'read'] satisfies ApiScope[];
/** A key's scope as stored and as sent when creating a key. */
export const API_SCOPE_PATTERN = new RegExp(`^(${API_SCOPES.join('|')}|seller:[\\w.:-]{1,200})$`);
