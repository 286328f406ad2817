import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry-after';

describe('Retry-After', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7_000);
  });

  it('reads an HTTP-date relative to now; a past date means now', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 12:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('caps a far-away value at 24 h', () => {
    expect(parseRetryAfter('9999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('ignores what is absent or unreadable', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('Mon, not a date', now)).toBeNull();
  });
});
