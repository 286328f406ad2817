import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { freePort, type RunningProcess, startApp } from '../support/processes';
import { ADMIN_KEY, type Stack } from '../support/stack';
import { WebhookReceiver } from '../webhooks/webhook-receiver';
import { drillFigures, ingestDrillListings, settle } from './support/crash-drill';
import { ScratchPostgres, ScratchRedis } from './support/scratch-services';

/**
 * Restart drill (issue 10): Redis (no persistence: every job is lost) and then PostgreSQL restarted
 * mid-run on scratch instances the drill starts itself; api and worker recover by themselves and every
 * accepted listing is scanned exactly once, its webhooks delivered once. Then the worker, sent SIGTERM,
 * closes everything and exits by itself: a transaction cut by the PostgreSQL restart used to keep its
 * pool connection, so $disconnect and every shutdown hook after it waited until the watchdog.
 */
/** The worker's shutdown (no job running by then) takes tens of ms; its watchdog's grace is 20 s. */
const SHUTDOWN_WITHIN_MS = 5_000;
const PER_PHASE = Number(process.env.DRILL_RESTART_LISTINGS ?? (process.env.DRILL_LONG === '1' ? 40 : 6));
const redis = new ScratchRedis();
const pg = new ScratchPostgres();
const receiver = new WebhookReceiver();
const procs: RunningProcess[] = [];
let db: Client;
let stack: Stack;

beforeAll(async () => {
  await Promise.all([redis.start(), pg.start(), receiver.start()]);
  db = new Client({ connectionString: pg.url });
  await db.connect();
  db.on('error', () => undefined); // the restart cuts this connection too; queries reconnect below
  const port = await freePort();
  const common = { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: 'drill', WEBHOOK_ALLOW_HOSTS: 'localhost' };
  procs.push(await startApp('api', { ...common, PORT: String(port), HOST: '127.0.0.1', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY }, /api listening/));
  procs.push(await startApp('worker', { ...common, OCR_ENABLED: 'false', RECONCILE_AFTER_MS: '3000', RECONCILE_INTERVAL_MS: '1000', WEBHOOK_DISPATCH_INTERVAL_MS: '100', WEBHOOK_RECONCILE_AFTER_MS: '1000', WEBHOOK_RECONCILE_INTERVAL_MS: '1000', WEBHOOK_RETRY_SCHEDULE_MS: '0,500,1000,2000,4000,8000' }, /worker started/));
  const query = async (sql: string, params: unknown[] = []) => {
    try {
      return (await db.query(sql, params)).rows;
    } catch {
      db = new Client({ connectionString: pg.url });
      db.on('error', () => undefined);
      await db.connect();
      return (await db.query(sql, params)).rows;
    }
  };
  const request: Stack['request'] = async (method, path, body) => {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const parsed = await res.json().catch(() => null);
      // While PostgreSQL restarts the api answers 503 dependency_unavailable: a client retries.
      if (res.status !== 503 || attempt > 60) return { status: res.status, body: parsed };
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  stack = { request, db: { url: pg.url, query, drop: async () => undefined }, workers: procs.slice(1) } as unknown as Stack;
  const endpoint = await stack.request('POST', '/v1/webhook-endpoints', { url: receiver.url('/drill'), events: ['scan.completed', 'listing.flagged'] });
  receiver.expect('/drill', [endpoint.body.secret]);
}, 180_000);
afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  await db?.end().catch(() => undefined);
  await redis.stop();
  await pg.destroy();
  await receiver.stop();
});

describe('restart drill', () => {
  it('Redis restarted (its jobs lost), then PostgreSQL restarted, mid-run: every scan once, nothing lost', async () => {
    const started = Date.now();
    const scanIds = await ingestDrillListings(stack, PER_PHASE, 'r1');
    await redis.stop();
    const whileDown = ingestDrillListings(stack, PER_PHASE, 'r2'); // 202 after at most 2 s each: the reconciler enqueues later
    await new Promise((r) => setTimeout(r, 3000));
    await redis.start();
    scanIds.push(...(await whileDown));
    const more = ingestDrillListings(stack, PER_PHASE, 'r3');
    await new Promise((r) => setTimeout(r, 500));
    pg.restart();
    scanIds.push(...(await more));
    await settle(stack, scanIds, 180_000);
    const figures = await drillFigures(stack, scanIds, receiver, started);
    console.log(`restart drill: ${JSON.stringify(figures)}`);
    expect(figures.notCompleted).toBe(0);
    expect(figures.duplicates).toEqual({ findings: 0, outbox: 0, reviewItems: 0, notices: 0, deliveries: 0 });
    expect(figures.undelivered).toBe(0);
  }, 300_000);

  it('the worker, sent SIGTERM after both restarts, runs its shutdown hooks to the end by itself', async () => {
    const worker = procs[1];
    const sent = Date.now();
    await worker.stop('SIGTERM');
    const ms = Date.now() - sent;
    console.log(`restart drill: worker exited ${ms} ms after SIGTERM (code ${worker.child.exitCode}, signal ${worker.child.signalCode})`);
    // Nest raises SIGTERM again once every hook has finished (enableShutdownHooks); the watchdog in
    // apps/worker/src/main.ts would exit with code 1 after WORKER_SHUTDOWN_GRACE_MS, naming what was open.
    expect(worker.output()).not.toMatch(/shutdown not done/);
    expect({ code: worker.child.exitCode, signal: worker.child.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(ms).toBeLessThan(SHUTDOWN_WITHIN_MS);
  }, 60_000);
});
