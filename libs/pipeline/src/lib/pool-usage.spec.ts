import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ForkPool } from './fork-pool';
import { BusyMeter } from './pool-usage';

describe('BusyMeter', () => {
  it('counts a span from start to stop, a running span up to now, and nothing while idle', () => {
    let now = 1_000;
    const meter = new BusyMeter(() => now);
    expect(meter.busySeconds).toBe(0);
    const stop = meter.start();
    now += 1_500;
    expect(meter.busySeconds).toBe(1.5);
    now += 500;
    stop();
    expect(meter.busySeconds).toBe(2);
    now += 10_000;
    expect(meter.busySeconds).toBe(2);
    stop();
    expect(meter.busySeconds).toBe(2);
  });

  it('adds spans that overlap (two slots busy at once count twice)', () => {
    let now = 0;
    const meter = new BusyMeter(() => now);
    const a = meter.start();
    now += 1_000;
    const b = meter.start();
    now += 1_000;
    a();
    b();
    expect(meter.busySeconds).toBe(3);
  });
});

// A pool child that answers each request after `request` milliseconds.
const dir = mkdtempSync(join(tmpdir(), 'll-fork-pool-'));
const script = join(dir, 'sleeper.cjs');
writeFileSync(
  script,
  `process.on('message', ({ id, request }) => setTimeout(() => process.send({ id, ok: true, result: request }), request));
process.on('disconnect', () => process.exit(0));
process.send({ id: 0, ready: true });
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ForkPool usage', () => {
  it('busy seconds grow while a slot holds a request and not while the pool is idle; waiting requests are queued', async () => {
    const pool = new ForkPool<number, number>(script, 1, {});
    try {
      expect(pool.usage()).toEqual({ slots: 1, busySeconds: 0, queued: 0 });
      await pool.warmUp();
      expect(pool.usage().busySeconds).toBe(0);

      const started = performance.now();
      const first = pool.run(300, 5_000);
      const second = pool.run(300, 5_000);
      expect(pool.usage().queued).toBe(1);
      await sleep(100);
      const midway = pool.usage().busySeconds;
      expect(midway).toBeGreaterThan(0.05);
      await first;
      expect(pool.usage().busySeconds).toBeGreaterThanOrEqual(0.3);
      expect(pool.usage().queued).toBe(0);
      await second;
      const wall = (performance.now() - started) / 1000;
      const busy = pool.usage().busySeconds;
      // Two 300 ms requests one after the other on one slot: the waiting one is not busy time, so
      // one slot is never busy longer than the wall time.
      expect(busy).toBeGreaterThanOrEqual(0.6);
      expect(busy).toBeLessThanOrEqual(wall);

      await sleep(200);
      expect(pool.usage().busySeconds).toBe(busy);
    } finally {
      await pool.close();
    }
  });

  it('a request past its deadline counts until its process is killed', async () => {
    const pool = new ForkPool<number, number>(script, 1, {});
    try {
      await pool.warmUp();
      await expect(pool.run(5_000, 200)).rejects.toThrow(/timed out/);
      const busy = pool.usage().busySeconds;
      expect(busy).toBeGreaterThanOrEqual(0.2);
      await sleep(100);
      expect(pool.usage().busySeconds).toBe(busy);
    } finally {
      await pool.close();
    }
  });
});
