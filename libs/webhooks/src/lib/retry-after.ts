/** A receiver cannot park a delivery for longer than this with Retry-After. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Parses a Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds
 * from `now`, clamped to [0, MAX_RETRY_AFTER_MS], or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: Date = new Date()): number | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return clamp(Number(raw) * 1000);
  // Only full HTTP-dates: Date.parse alone would accept things like "5" or "tomorrow-ish" strings.
  if (!/^[A-Za-z]{3},? /.test(raw)) return null;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return null;
  return clamp(at - now.getTime());
}

function clamp(ms: number): number {
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
