import { SD_PARAMETERS, solidPng, withTextChunk } from '../../support/images';
import type { Stack } from '../../support/stack';
import type { WebhookReceiver } from '../../webhooks/webhook-receiver';

/**
 * The crash drill's load and its exactly-once checks, shared by the crash and the restart drills.
 * Every listing carries an AI-generated PNG (inline), so each scan writes findings, a review item, a
 * notice and outbox events that become webhook deliveries.
 */
export interface DrillFigures {
  listings: number;
  seconds: number;
  duplicates: { findings: number; outbox: number; reviewItems: number; notices: number; deliveries: number };
  notCompleted: number;
  webhooksReceived: number;
  webhookMessages: number;
  undelivered: number;
}

export async function ingestDrillListings(stack: Stack, n: number, tag: string): Promise<string[]> {
  const scanIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const png = withTextChunk(await solidPng(96, 96, `#${(0x202020 + i * 4099).toString(16).slice(-6)}`), 'parameters', `${SD_PARAMETERS} #${tag}-${i}`);
    const res = await stack.request('POST', '/v1/listings', {
      marketplace: 'drill', externalId: `${tag}-${i}`, sellerId: `seller-${i % 5}`, title: `Drill item ${i}`,
      price: { amount: '9.99', currency: 'USD' }, images: [{ dataBase64: png.toString('base64') }],
    });
    if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.body)}`);
    scanIds.push(res.body.scanId);
  }
  return scanIds;
}

/** Waits until every scan is finished and every delivery is final (or the deadline passes). */
export async function settle(stack: Stack, scanIds: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [{ open }] = await stack.db.query<{ open: string }>(`SELECT count(*) AS open FROM scans WHERE id = ANY($1::uuid[]) AND status NOT IN ('completed', 'failed')`, [scanIds]).catch(() => [{ open: '1' }]);
    const [{ pending }] = await stack.db.query<{ pending: string }>(`SELECT (SELECT count(*) FROM webhook_deliveries WHERE status IN ('pending','retrying','replaying')) + (SELECT count(*) FROM outbox_events WHERE "dispatchedAt" IS NULL) AS pending`).catch(() => [{ pending: '1' }]);
    if (open === '0' && pending === '0') return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function drillFigures(stack: Stack, scanIds: string[], receiver: WebhookReceiver, started: number): Promise<DrillFigures> {
  const one = async (sql: string, params: unknown[] = []) => Number((await stack.db.query<{ n: string }>(sql, params))[0].n);
  const dupes = (table: string, key: string, where = 'TRUE') => one(`SELECT coalesce(sum(c - 1), 0) AS n FROM (SELECT count(*) AS c FROM ${table} WHERE ${where} GROUP BY ${key}) t`);
  const received = receiver.at('/drill');
  return {
    listings: scanIds.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    duplicates: {
      findings: await dupes('findings', '"scanId", code, "imagePosition"'),
      // scan.completed carries its scan id; the others their listing: one of each type per listing here.
      outbox: await dupes('outbox_events', "type, coalesce(payload->>'scanId', payload->>'listingId', payload::text)"),
      reviewItems: await dupes('review_items', '"listingId"'),
      notices: await dupes('notices', '"listingId"'),
      deliveries: await dupes('webhook_deliveries', '"endpointId", "eventId"'),
    },
    notCompleted: await one(`SELECT count(*) AS n FROM scans WHERE id = ANY($1::uuid[]) AND status <> 'completed'`, [scanIds]),
    webhooksReceived: received.length,
    webhookMessages: new Set(received.map((m) => m.webhookId)).size,
    undelivered: await one(`SELECT count(*) AS n FROM webhook_deliveries WHERE status <> 'delivered'`),
  };
}
