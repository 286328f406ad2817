import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';
import { WebhookReceiver } from '../webhooks/webhook-receiver';
import { drillFigures, ingestDrillListings, settle } from './support/crash-drill';

/**
 * Crash drill (issue 10): listings in flight, the worker SIGKILLed at random moments (also while
 * webhook deliveries are in flight), a fresh worker started each time. Short in CI; DRILL_LONG=1 runs
 * 200 listings and 10 kills.
 */
const LONG = process.env.DRILL_LONG === '1';
const LISTINGS = Number(process.env.DRILL_LISTINGS ?? (LONG ? 200 : 10));
const KILLS = Number(process.env.DRILL_KILLS ?? (LONG ? 10 : 2));
const receiver = new WebhookReceiver();
let stack: Stack;

beforeAll(async () => {
  await receiver.start();
  stack = await startStack('drillcrash', { WEBHOOK_ALLOW_HOSTS: 'localhost', WEBHOOK_DISPATCH_INTERVAL_MS: '100', WORKER_LOCK_MS: '2000', RECONCILE_AFTER_MS: '5000', RECONCILE_INTERVAL_MS: '2000', OCR_ENABLED: 'false', WEBHOOK_RETRY_SCHEDULE_MS: '0,500,1000,2000,4000', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_RECONCILE_AFTER_MS: '1000', WEBHOOK_RECONCILE_INTERVAL_MS: '1000' });
  const endpoint = await stack.request('POST', '/v1/webhook-endpoints', { url: receiver.url('/drill'), events: ['scan.completed', 'listing.flagged', 'listing.labeled', 'notice.created'] });
  receiver.expect('/drill', [endpoint.body.secret], () => ({ status: 204 }));
});
afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
});

describe('crash drill', () => {
  it(`${LISTINGS} listings, worker SIGKILLed ${KILLS} times: every scan once, every finding/outbox event/review item/notice/delivery once`, async () => {
    const started = Date.now();
    const ingest = ingestDrillListings(stack, LISTINGS, 'c');
    for (let k = 0; k < KILLS; k++) {
      await new Promise((r) => setTimeout(r, 700 + Math.random() * 2000));
      // Half of the kills wait for a webhook to arrive first, so they land while deliveries are in flight.
      if (k % 2 === 1) for (const seen = receiver.received.length; receiver.received.length === seen && Date.now() - started < 60_000; ) await new Promise((r) => setTimeout(r, 20));
      await stack.workers[stack.workers.length - 1].stop('SIGKILL');
      await stack.startWorker();
    }
    const scanIds = await ingest;
    await settle(stack, scanIds, LONG ? 600_000 : 120_000);
    const figures = await drillFigures(stack, scanIds, receiver, started);
    console.log(`crash drill: ${JSON.stringify({ kills: KILLS, ...figures })}`);
    expect(figures.notCompleted).toBe(0);
    expect(figures.duplicates).toEqual({ findings: 0, outbox: 0, reviewItems: 0, notices: 0, deliveries: 0 });
    expect(figures.undelivered).toBe(0);
    // Each outbox event reached the receiver (at least once: a kill after the POST, before its record, resends it).
    const [{ n }] = await stack.db.query<{ n: string }>('SELECT count(*) AS n FROM webhook_deliveries');
    expect(figures.webhookMessages).toBe(Number(n));
  }, LONG ? 900_000 : 240_000);
});
