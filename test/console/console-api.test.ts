/** The API routes the console reads, on their own stack (no worker: nothing here needs a scan). */
import { principalSchema, reviewOverviewSchema, reviewQueueSummarySchema } from '@listinglens/contracts';
import { DEFAULT_POLICY, policyGrounds } from '@listinglens/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
const keys: Record<string, string> = {};
const as = (who: string) => ({ authorization: `Bearer ${keys[who]}` });
const ITEMS = 10_000;

beforeAll(async () => {
  stack = await startStack('console-api', {}, 0);
  for (const [name, scopes] of Object.entries({ r1: ['review'], r2: ['review'], reader: ['read'], seller: ['seller:s-1'], ingest: ['ingest'] })) {
    keys[name] = (await stack.request('POST', '/v1/api-keys', { name, scopes })).body.key;
  }
  // 10,000 queued items, one per listing, severities and ages spread out (a big marketplace's backlog).
  await stack.db.query(`
    INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, "priceAmount", "priceCurrency", "contentHash", version, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'scale', 'x' || g, 's-' || (g % 50), 'Item ' || g, 10, 'EUR', md5(g::text), 1, now(), now() FROM generate_series(1, ${ITEMS}) g`);
  await stack.db.query(`
    INSERT INTO review_items (id, "listingId", marketplace, "sellerId", "severityRank", severity, codes, "ruleIds", "policyVersion", "createdAt")
    SELECT gen_random_uuid(), l.id, 'scale', l."sellerId", r.rank, (ARRAY['info','low','medium','high','critical'])[r.rank + 1]::"Severity",
           ARRAY[CASE WHEN r.rank = 4 THEN 'contact.off_platform' ELSE 'price.mismatch' END], ARRAY['default.high-severity.review'], 0, now() - (substr(l."externalId", 2)::int * interval '1 minute')
    FROM listings l, LATERAL (SELECT substr(l."externalId", 2)::int % 5 AS rank) r WHERE l.marketplace = 'scale'`);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('review console API', () => {
  it('tells a key who it is (any scope)', async () => {
    const me = await stack.request('GET', '/v1/me', undefined, as('seller'));
    expect(principalSchema.parse(me.body)).toMatchObject({ name: 'seller', scopes: ['seller:s-1'] });
  });

  it('counts 10,000 queued items and their oldest age with the filters, and pages through all of them by cursor', async () => {
    const started = Date.now();
    const all = reviewQueueSummarySchema.parse((await stack.request('GET', '/v1/review/summary?marketplace=scale', undefined, as('r1'))).body);
    const summaryMs = Date.now() - started;
    const [oldest] = await stack.db.query<{ at: Date }>(`SELECT min("createdAt") AS at FROM review_items`);
    expect(all).toEqual({ total: ITEMS, oldestCreatedAt: oldest.at.toISOString() });
    const critical = (await stack.request('GET', '/v1/review/summary?severity=critical&code=contact.off_platform', undefined, as('r1'))).body;
    expect(critical.total).toBe(ITEMS / 5);
    expect((await stack.request('GET', '/v1/review/summary?appeal=true', undefined, as('r1'))).body).toEqual({ total: 0, oldestCreatedAt: null });
    const seen = new Set<string>();
    let cursor: string | null = null;
    let last: { rank: number; at: string } | null = null;
    let slowestPageMs = 0;
    do {
      const t = Date.now();
      const page: { status: number; body: { items: Array<{ id: string; severity: string; createdAt: string }>; nextCursor: string | null } } = await stack.request(
        'GET',
        `/v1/review/items?marketplace=scale&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        undefined,
        as('r1'),
      );
      slowestPageMs = Math.max(slowestPageMs, Date.now() - t);
      for (const item of page.body.items) {
        const rank = ['info', 'low', 'medium', 'high', 'critical'].indexOf(item.severity);
        if (last) expect(rank < last.rank || (rank === last.rank && item.createdAt >= last.at)).toBe(true);
        last = { rank, at: item.createdAt };
        seen.add(item.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(ITEMS);
    console.log(`queue of ${ITEMS}: summary ${summaryMs} ms, slowest page of 200 ${slowestPageMs} ms`);
  });

  it('lets only the holder give a claim back, and an escalated item goes back to escalated', async () => {
    const [item] = (await stack.request('GET', '/v1/review/items?marketplace=scale&limit=1', undefined, as('r1'))).body.items;
    expect((await stack.request('POST', `/v1/review/items/${item.id}/claim`, {}, as('r1'))).status).toBe(200);
    expect((await stack.request('POST', `/v1/review/items/${item.id}/release`, undefined, as('r2'))).status).toBe(409);
    expect((await stack.request('POST', `/v1/review/items/${item.id}/release`, undefined, as('r1'))).status).toBe(204);
    expect((await stack.request('GET', `/v1/review/items/${item.id}`, undefined, as('r2'))).body).toMatchObject({ status: 'open', claimedBy: null });
    await stack.request('POST', `/v1/review/items/${item.id}/claim`, {}, as('r2'));
    expect((await stack.request('POST', `/v1/review/items/${item.id}/decision`, { decision: 'escalate', note: 'needs a senior' }, as('r2'))).status).toBe(200);
    await stack.request('POST', `/v1/review/items/${item.id}/claim`, {}, as('r1'));
    await stack.request('POST', `/v1/review/items/${item.id}/release`, undefined, as('r1'));
    expect((await stack.request('GET', `/v1/review/items/${item.id}`, undefined, as('r1'))).body.status).toBe('escalated');
  });

  it('refuses a confirm on a ground the policy does not define; a confirm with no label change still notifies the seller', async () => {
    const [item] = (await stack.request('GET', '/v1/review/items?marketplace=scale&status=open&limit=1', undefined, as('r1'))).body.items;
    const offered = (await stack.request('GET', `/v1/review/items/${item.id}/grounds`, undefined, as('r1'))).body;
    const grounds: string[] = offered.grounds;
    expect(grounds).toEqual(policyGrounds(DEFAULT_POLICY.rules));
    expect(offered.suggested).toBe(grounds[1]); // the ground of default.high-severity.review, the rule that flagged it
    await stack.request('POST', `/v1/review/items/${item.id}/claim`, {}, as('r1'));
    const free = await stack.request('POST', `/v1/review/items/${item.id}/decision`, { decision: 'confirm', ground: 'Because I say so', note: 'x' }, as('r1'));
    expect(free.status).toBe(400);
    expect(free.body.error.fields).toEqual([expect.objectContaining({ field: 'ground' })]);
    const ok = await stack.request('POST', `/v1/review/items/${item.id}/decision`, { decision: 'confirm', ground: grounds[1], note: 'Price differs.' }, as('r1'));
    expect(ok.status).toBe(200);
    expect(ok.body.noticeIds).toHaveLength(1);
    const notices = (await stack.request('GET', `/v1/notices?listingId=${item.listingId}`, undefined, as('reader'))).body.items;
    expect(notices.map((n: { id: string }) => n.id)).toEqual(ok.body.noticeIds);
    expect(notices[0].statement.incompatible_content_ground).toContain(grounds[1]);
    expect((await stack.request('GET', '/v1/notices?appealed=true', undefined, as('reader'))).body.items).toEqual([]);
    expect((await stack.request('GET', '/v1/notices', undefined, as('seller'))).status).toBe(403);
  });

  it('reports queue depth, decisions per day, automation share and median time to decision', async () => {
    const overview = reviewOverviewSchema.parse((await stack.request('GET', '/v1/review/overview?days=7', undefined, as('r1'))).body);
    expect(overview.queueDepth).toEqual({ open: ITEMS - 2, claimed: 0, escalated: 1 });
    expect(overview.decisionsPerDay).toEqual([{ day: new Date().toISOString().slice(0, 10), decisions: 1 }]);
    expect(overview.noticesByAutomation).toEqual({ automated: 0, human: 1 });
    expect(overview.medianSecondsToDecision).toBeGreaterThan(0);
  });

  it('keeps webhook replays and the console-only routes to the right scopes', async () => {
    const replay = await stack.request('POST', `/v1/webhook-endpoints/00000000-0000-4000-8000-000000000000/deliveries/msg_00000000-0000-4000-8000-000000000000/replay`, undefined, as('r1'));
    expect(replay.status).toBe(403);
    for (const path of ['/v1/review/summary', '/v1/review/overview']) expect((await stack.request('GET', path, undefined, as('reader'))).status).toBe(403);
  });

  it('serves the console at /console/ with a locked-down CSP', async () => {
    expect((await fetch(`${stack.baseUrl}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
    const page = await fetch(`${stack.baseUrl}/console/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module" crossorigin src="\/console\/assets\//);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    // Images only from this origin (the evidence route) or blob:/data: made from it: never a seller's URL.
    expect(page.headers.get('content-security-policy')).toMatch(/img-src 'self' data: blob:;/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
