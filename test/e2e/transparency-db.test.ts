import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticePageSchema, noticeSchema } from '@listinglens/contracts';
import { DEFAULT_POLICY, policyGrounds } from '@listinglens/policy';
import { maskContact } from '@listinglens/text-detectors/mask-contact';
import { freePort } from '../support/processes';
import { SD_PARAMETERS, solidPng, withTextChunk } from '../support/images';
import { type JsonBody, type Stack, startStack } from '../support/stack';
import { FakeTransparencyDb } from '../transparency-db/fake-transparency-db';

const TOKEN = 'X|tdb-test-token';
const tdb = new FakeTransparencyDb(TOKEN);
let stack: Stack;
let aiImage: string;
let metricsPort: number;
const AUTH_PAUSE_MS = 1500;

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

async function claim(listingId: string): Promise<string> {
  const queue = await stack.request('GET', '/v1/review/items?marketplace=tdb-shop&status=open');
  const item = queue.body.items.find((i: { listingId: string }) => i.listingId === listingId);
  expect((await stack.request('POST', `/v1/review/items/${item.id}/claim`, {})).status).toBe(200);
  return item.id;
}

async function decide(listingId: string, decision: Record<string, unknown>) {
  const itemId = await claim(listingId);
  const res = await stack.request('POST', `/v1/review/items/${itemId}/decision`, decision);
  expect(res.status).toBe(200);
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  aiImage = withTextChunk(await solidPng(256, 256, '#6a9'), 'parameters', SD_PARAMETERS).toString('base64');
  await tdb.start();
  tdb.failNext = 1;
  metricsPort = await freePort();
  stack = await startStack('transparency-db', {
    TDB_AUTH_PAUSE_MS: String(AUTH_PAUSE_MS),
    WORKER_METRICS_PORT: String(metricsPort),
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

const noticesOfSeller = async (sellerId: string) => noticePageSchema.parse((await stack.request('GET', `/v1/sellers/${sellerId}/notices`)).body).items;

describe('no personal data is published', () => {
  const NOTE = 'Seller asks buyers to add WeChat: shopowner88 or call +86 138 0013 8000 or mail li.na@example.com; contact person: Li Na, 王先生.';
  const PERSONAL = /shopowner88|138 0013 8000|li\.na@|Li Na|王先生/;

  it('the reviewer sees the public text before deciding, and the database gets exactly that, contacts and names masked', async () => {
    const listing = await ingestAi('tdb-pii', 'seller-pii');
    await settledNotices('seller-pii', 1);
    const itemId = await claim(listing);
    const decision = { decision: 'confirm', note: NOTE, ground: policyGrounds(DEFAULT_POLICY.rules)[0] };
    const preview = await stack.request('POST', `/v1/review/items/${itemId}/decision-preview`, decision);
    expect(preview.status).toBe(200);
    const [shown] = preview.body.notices;
    expect(shown).toMatchObject({ effect: 'restriction', sentToDatabase: true });
    const explanation: string = shown.public.incompatible_content_explanation;
    expect(explanation).not.toMatch(PERSONAL);
    // The masking sellers see in their notices, not a second one.
    expect(explanation).toContain(`WeChat: ${maskContact('shopowner88')}`);
    expect(explanation).toContain(maskContact('li.na@example.com'));
    // A preview writes nothing: no notice yet, and the item can still be decided.
    expect(await noticesOfSeller('seller-pii')).toHaveLength(1);
    expect((await stack.request('POST', `/v1/review/items/${itemId}/decision`, decision)).status).toBe(200);
    const [confirmed] = await settledNotices('seller-pii', 2);
    const sent = tdb.received.find((r) => r.body['puid'] === confirmed.puid && r.status === 201)?.body;
    expect(sent?.['incompatible_content_explanation']).toBe(explanation);
    expect(JSON.stringify(sent)).not.toMatch(PERSONAL);
    // The notice keeps the statement as published.
    expect(JSON.stringify(confirmed.statement)).not.toMatch(PERSONAL);
    // The reviewer still has the evidence; the audit log keeps the note as written.
    const audit = await stack.db.query<{ reason: string }>(`SELECT reason FROM audit_events WHERE action = 'review.confirm' AND reason LIKE '%shopowner88%'`);
    expect(audit).toHaveLength(1);
  });

  it('a statement stored before masking existed is masked when it is sent', async () => {
    const [{ statement: valid }] = await stack.db.query<{ statement: Record<string, unknown> }>(`SELECT statement FROM notices WHERE "tdbStatus" = 'submitted' LIMIT 1`);
    await stack.db.query(
      `INSERT INTO notices (id, puid, "listingId", "sellerId", statement, rendered, effect, "tdbStatus", "tdbNextAttemptAt")
       SELECT gen_random_uuid(), 'll-legacy-pii', id, 'seller-legacy-pii', $1::jsonb, '{"en":"","zh":""}'::jsonb, 'restriction', 'queued', now()
         FROM listings ORDER BY "createdAt" LIMIT 1`,
      [JSON.stringify({ ...valid, puid: 'll-legacy-pii', incompatible_content_explanation: `Reviewer's note: ${NOTE}` })],
    );
    await settledNotices('seller-legacy-pii', 1);
    const sent = tdb.received.find((r) => r.body['puid'] === 'll-legacy-pii')?.body;
    expect(sent?.['incompatible_content_explanation']).toContain('WeChat: ');
    expect(JSON.stringify(sent)).not.toMatch(PERSONAL);
  });
});

describe('a token the database does not accept', () => {
  const authRefusals = () => tdb.received.filter((r) => r.status === 401).length;

  it('pauses submission: statements stay queued, a metric counts it, the log says what to fix; a fixed token sends them', async () => {
    tdb.token = 'the-token-was-rotated';
    const before = authRefusals();
    await ingestAi('tdb-auth-1', 'seller-auth');
    await ingestAi('tdb-auth-2', 'seller-auth');
    const waiting = await until(() => noticesOfSeller('seller-auth'), (n) => n.length === 2 && n.some((x) => x.transparencyDb.httpStatus === 401), 'a 401 on a notice');
    const pausedAt = Date.now();
    await new Promise((r) => setTimeout(r, AUTH_PAUSE_MS + 500));
    const still = await noticesOfSeller('seller-auth');
    expect(still.map((n) => n.transparencyDb.status)).toEqual(['queued', 'queued']);
    expect(waiting.length).toBe(2);
    // One request per pause, not one per statement: the rest of a batch waits without being sent.
    const pauses = Math.ceil((Date.now() - pausedAt) / AUTH_PAUSE_MS) + 1;
    expect(authRefusals() - before).toBeLessThanOrEqual(pauses);
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(Number(/listinglens_tdb_auth_refused_total\{status="401"\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(stack.workers[0].output()).toMatch(/answered 401: TDB_API_TOKEN is expired, revoked/);

    tdb.token = TOKEN;
    const sent = await settledNotices('seller-auth', 2, 20_000);
    expect(sent.map((n) => n.transparencyDb.status)).toEqual(['submitted', 'submitted']);
  });

  it('statements refused for the token before the pause existed are re-queued by an admin route', async () => {
    const [{ statement: valid }] = await stack.db.query<{ statement: Record<string, unknown> }>(`SELECT statement FROM notices WHERE "tdbStatus" = 'submitted' LIMIT 1`);
    const [{ id }] = await stack.db.query<{ id: string }>(
      `INSERT INTO notices (id, puid, "listingId", "sellerId", statement, rendered, effect, "tdbStatus", "tdbAttempts", "tdbHttpStatus", "tdbErrors")
       SELECT gen_random_uuid(), 'll-refused-401', id, 'seller-requeue', $1::jsonb, '{"en":"","zh":""}'::jsonb, 'restriction', 'refused', 1, 401, '{"message":"Unauthenticated."}'::jsonb
         FROM listings ORDER BY "createdAt" LIMIT 1
       RETURNING id`,
      [JSON.stringify({ ...valid, puid: 'll-refused-401' })],
    );
    const reviewKey = (await stack.request('POST', '/v1/api-keys', { name: 'tdb reviewer', scopes: ['review'] })).body.key;
    expect((await stack.request('POST', '/v1/transparency-db/requeue', { httpStatus: [401] }, { authorization: `Bearer ${reviewKey}` })).status).toBe(403);
    expect((await stack.request('POST', '/v1/transparency-db/requeue', { httpStatus: ['x'] })).body.error.fields[0].field).toBe('httpStatus[0]');

    const res = await stack.request('POST', '/v1/transparency-db/requeue', { status: 'refused', httpStatus: [401, 403] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ requeued: 1, noticeIds: [id] });
    const [notice] = await settledNotices('seller-requeue', 1);
    expect(notice.transparencyDb).toMatchObject({ status: 'submitted', httpStatus: 201, attempts: 1 });
  });
});
