import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticePageSchema, noticeSchema } from '@listinglens/contracts';
import { DEFAULT_POLICY, policyGrounds } from '@listinglens/policy';
import { SD_PARAMETERS, solidPng, withTextChunk } from '../support/images';
import { type JsonBody, type Stack, startStack } from '../support/stack';
import { FakeTransparencyDb } from '../transparency-db/fake-transparency-db';

const TOKEN = 'X|tdb-test-token';
const tdb = new FakeTransparencyDb(TOKEN);
let stack: Stack;
let aiImage: string;

async function ingestAi(externalId: string, sellerId: string): Promise<string> {
  const res = await stack.request('POST', '/v1/listings', {
    marketplace: 'tdb-shop',
    externalId,
    sellerId,
    title: `Bowl ${externalId}`,
    price: { amount: '20', currency: 'EUR' },
    images: [{ dataBase64: aiImage }],
  });
  expect(res.status).toBe(202);
  expect((await stack.waitForScan(res.body.scanId)).status).toBe('completed');
  return res.body.listingId;
}

/** A seller's notices once none is waiting for the database any more. */
async function settledNotices(sellerId: string, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let items: JsonBody[] = [];
  while (Date.now() < deadline) {
    const res = await stack.request('GET', `/v1/sellers/${sellerId}/notices`);
    items = noticePageSchema.parse(res.body).items;
    if (items.length === count && items.every((n) => n.transparencyDb.status !== 'queued')) return items;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`notices of ${sellerId} not settled: ${JSON.stringify(items.map((n) => n.transparencyDb))}`);
}

async function decide(listingId: string, decision: Record<string, unknown>) {
  const queue = await stack.request('GET', '/v1/review/items?marketplace=tdb-shop&status=open');
  const item = queue.body.items.find((i: { listingId: string }) => i.listingId === listingId);
  expect((await stack.request('POST', `/v1/review/items/${item.id}/claim`, {})).status).toBe(200);
  const res = await stack.request('POST', `/v1/review/items/${item.id}/decision`, decision);
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  aiImage = withTextChunk(await solidPng(256, 256, '#6a9'), 'parameters', SD_PARAMETERS).toString('base64');
  await tdb.start();
  tdb.failNext = 1;
  stack = await startStack('transparency-db', {
    TDB_API_URL: tdb.url,
    TDB_API_TOKEN: TOKEN,
    TDB_RETRY_SCHEDULE_MS: '300,300,300',
    TDB_POLL_INTERVAL_MS: '100',
    WEBHOOK_DISPATCH_INTERVAL_MS: '100',
  });
});
afterAll(async () => {
  await stack?.stop();
  await tdb.stop();
});

describe('statements of reasons go to the DSA Transparency Database', () => {
  let listingA: string;

  it('a label notice is submitted, retried after a 503, and the notice shows the database uuid', async () => {
    listingA = await ingestAi('tdb-1', 'seller-a');
    const [notice] = await settledNotices('seller-a', 1);
    expect(notice.effect).toBe('restriction');
    expect(notice.transparencyDb).toMatchObject({ status: 'submitted', attempts: 2, httpStatus: 201, errors: null });
    const sent = tdb.received.filter((r) => r.body['puid'] === notice.puid);
    expect(sent.map((r) => r.status)).toEqual([503, 201]);
    expect(notice.transparencyDb.uuid).toBe(tdb.stored.get(notice.puid)?.['uuid']);
    // Only the database's fields travel: ours (rule ids, labels, policy version) stay home.
    expect(sent[1].body).toMatchObject({ decision_visibility: ['DECISION_VISIBILITY_CONTENT_LABELLED'], category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC' });
    for (const own of ['rule_ids', 'labels', 'policy_version', 'redress']) expect(sent[1].body).not.toHaveProperty(own);
    // The api fills in how to appeal, in words; never a route of ours.
    expect(notice.rendered.en).toContain('open this notice in your seller centre and choose "Appeal"');
    expect(notice.rendered.zh).toContain('在卖家中心打开本通知并选择「申诉」');
    expect(`${notice.rendered.en}${notice.rendered.zh}`).not.toMatch(/\{\{|\/v1\//);
    const one = await stack.request('GET', `/v1/notices/${notice.id}`);
    expect(noticeSchema.parse(one.body).transparencyDb.status).toBe('submitted');
  });

  it('a dismissal lifts the label: the seller is told, and nothing goes to the database', async () => {
    const before = tdb.received.length;
    await decide(listingA, { decision: 'dismiss', note: 'It is a photo.' });
    const [lifted] = await settledNotices('seller-a', 2);
    expect(lifted).toMatchObject({ effect: 'restriction_lifted', transparencyDb: { status: 'not_required', attempts: 0, uuid: null } });
    await new Promise((r) => setTimeout(r, 500));
    expect(tdb.received.length).toBe(before);
  });

  it('a confirm without a label change restricts the listing and is submitted as disabled content', async () => {
    const listingB = await ingestAi('tdb-2', 'seller-b');
    await settledNotices('seller-b', 1);
    await decide(listingB, { decision: 'confirm', note: 'Generated, not disclosed.', ground: policyGrounds(DEFAULT_POLICY.rules)[0] });
    const [confirmed] = await settledNotices('seller-b', 2);
    expect(confirmed).toMatchObject({ effect: 'restriction', transparencyDb: { status: 'submitted', httpStatus: 201 } });
    expect(tdb.stored.get(confirmed.puid)).toMatchObject({ decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'], automated_decision: 'AUTOMATED_DECISION_PARTIALLY' });
  });

  it("a statement the database refuses keeps its 422 errors on the notice, and is not retried", async () => {
    const [{ statement: valid }] = await stack.db.query<{ statement: object }>(`SELECT statement FROM notices WHERE effect = 'restriction' LIMIT 1`);
    // A statement the rules refuse (a restriction of kind "other" that does not say which, content
    // dated before 2000), queued by hand: what the database answers is what the notice shows.
    const [{ id }] = await stack.db.query<{ id: string }>(
      `INSERT INTO notices (id, puid, "listingId", "sellerId", statement, rendered, effect, "tdbStatus", "tdbNextAttemptAt")
       SELECT gen_random_uuid(), 'll-legacy-1', id, 'seller-c', $1::jsonb, '{"en":"","zh":""}'::jsonb, 'restriction', 'queued', now()
         FROM listings ORDER BY "createdAt" LIMIT 1
       RETURNING id`,
      [JSON.stringify({ ...valid, puid: 'll-legacy-1', decision_visibility: ['DECISION_VISIBILITY_OTHER'], content_date: '1999-12-31' })],
    );
    const [refused] = await settledNotices('seller-c', 1);
    expect(refused.id).toBe(id);
    expect(refused.transparencyDb).toMatchObject({ status: 'refused', attempts: 1, httpStatus: 422, uuid: null });
    expect(Object.keys(refused.transparencyDb.errors)).toEqual(expect.arrayContaining(['content_date', 'decision_visibility_other']));
    await new Promise((r) => setTimeout(r, 700));
    expect(tdb.received.filter((r) => r.body['puid'] === 'll-legacy-1')).toHaveLength(1);
  });
});
