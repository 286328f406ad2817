import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE_MS, nextRetryDelay, parseRetrySchedule, scheduledDelay, withJitter } from './retry-schedule';

describe('retry schedule', () => {
  it('is 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default', () => {
    expect(DEFAULT_RETRY_SCHEDULE_MS).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(parseRetrySchedule(undefined)).toEqual(DEFAULT_RETRY_SCHEDULE_MS);
    expect(parseRetrySchedule(' ')).toEqual(DEFAULT_RETRY_SCHEDULE_MS);
  });

  it('can be overridden with comma-separated milliseconds, and refuses anything else', () => {
    expect(parseRetrySchedule('0, 500,1000')).toEqual([0, 500, 1000]);
    expect(() => parseRetrySchedule('0,5s')).toThrow(/whole milliseconds/);
    expect(() => parseRetrySchedule('0,-1')).toThrow(/whole milliseconds/);
  });

  it('gives the delay before each 1-based attempt and nothing past the end', () => {
    expect(scheduledDelay(DEFAULT_RETRY_SCHEDULE_MS, 1)).toBe(0);
    expect(scheduledDelay(DEFAULT_RETRY_SCHEDULE_MS, 3)).toBe(300_000);
    expect(scheduledDelay(DEFAULT_RETRY_SCHEDULE_MS, 8)).toBe(36_000_000);
    expect(scheduledDelay(DEFAULT_RETRY_SCHEDULE_MS, 9)).toBeNull();
    expect(scheduledDelay(DEFAULT_RETRY_SCHEDULE_MS, 0)).toBeNull();
  });

  it('jitters by at most ±10 % and keeps an immediate attempt immediate', () => {
    expect(withJitter(0, () => 0.99)).toBe(0);
    expect(withJitter(10_000, () => 0)).toBe(9_000);
    expect(withJitter(10_000, () => 1)).toBe(11_000);
    expect(withJitter(10_000, () => 0.5)).toBe(10_000);
    for (let i = 0; i < 200; i++) {
      const d = withJitter(300_000);
      expect(d).toBeGreaterThanOrEqual(270_000);
      expect(d).toBeLessThanOrEqual(330_000);
    }
  });

  it('after a failed attempt waits for the next step, until the eighth attempt has failed', () => {
    const mid = () => 0.5;
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE_MS, 1, null, mid)).toBe(5_000);
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE_MS, 2, null, mid)).toBe(300_000);
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE_MS, 7, null, mid)).toBe(36_000_000);
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE_MS, 8, null, mid)).toBeNull();
  });

  it('lets Retry-After replace the scheduled delay, but not add attempts', () => {
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE_MS, 1, 120_000)).toBe(120_000);
    expect(nextRetryDelay(DEFAULT_RETRY_SCHEDULE_MS, 8, 1_000)).toBeNull();
  });
});
