import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  apiKeyCreatedSchema,
  appealResultSchema,
  auditPageSchema,
  bulkDecisionResultSchema,
  errorBodySchema,
  listingViewSchema,
  noticePageSchema,
  noticeSchema,
  reviewDecisionResultSchema,
  reviewItemPageSchema,
  reviewItemSchema,
  webhookEndpointCreatedSchema,
} from '@listinglens/contracts';
import { DEFAULT_POLICY, policyGrounds } from '@listinglens/policy';
import { policyRecordSchema } from '../../apps/api/src/policies/policy-responses.schema';
import { SD_PARAMETERS, solidPng, withTextChunk } from '../support/images';
import { type Stack, startStack } from '../support/stack';
import { WebhookReceiver, waitFor } from '../webhooks/webhook-receiver';

let stack: Stack;
// A confirm must name a ground the policy defines (free text is refused): the default policy's AI rule.
const AI_GROUND = policyGrounds(DEFAULT_POLICY.rules)[0];
const receiver = new WebhookReceiver();
let aiImage: string;
const keys: Record<string, string> = {};
const as = (who: string) => ({ authorization: `Bearer ${keys[who]}` });

async function createKey(name: string, scopes: string[]): Promise<string> {
  const res = await stack.request('POST', '/v1/api-keys', { name, scopes });
  expect(res.status).toBe(201);
  apiKeyCreatedSchema.parse(res.body); // responses are what the OpenAPI document says
  expect(res.body.key).toMatch(/^ll_/);
  return res.body.key;
}

async function ingestAi(externalId: string, sellerId: string, who = 'ingest') {
  const res = await stack.request(
    'POST',
    '/v1/listings',
    { marketplace: 'mod-shop', externalId, sellerId, title: `Bowl ${externalId}`, price: { amount: '20', currency: 'EUR' }, images: [{ dataBase64: aiImage }] },
    as(who),
  );
  expect(res.status).toBe(202);
  const scan = await stack.waitForScan(res.body.scanId);
  expect(scan.status).toBe('completed');
  return res.body as { listingId: string; scanId: string };
}

beforeAll(async () => {
  aiImage = withTextChunk(await solidPng(256, 256, '#c96'), 'parameters', SD_PARAMETERS).toString('base64');
  await receiver.start();
  stack = await startStack('moderation', { WEBHOOK_ALLOW_HOSTS: 'localhost', WEBHOOK_DISPATCH_INTERVAL_MS: '100' });
  const endpoint = await stack.request('POST', '/v1/webhook-endpoints', {
    url: receiver.url('/hooks'),
    events: ['scan.completed', 'listing.flagged', 'listing.labeled', 'review.decided', 'notice.created', 'notice.appealed'],
  });
  expect(endpoint.status).toBe(201);
  webhookEndpointCreatedSchema.parse(endpoint.body);
  receiver.expect('/hooks', [endpoint.body.secret]);
  keys.ingest = await createKey('marketplace ingest', ['ingest']);
  keys.reviewer1 = await createKey('reviewer one', ['review']);
  keys.reviewer2 = await createKey('reviewer two', ['review']);
  keys.sellerA = await createKey('seller A', ['seller:seller-a']);
  keys.sellerB = await createKey('seller B', ['seller:seller-b']);
  keys.sellerC = await createKey('seller C', ['seller:seller-c']);
  keys.reader = await createKey('reader', ['read']);
});
afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
});

describe('an undisclosed AI image, end to end through policy, review, notices and audit', () => {
  let listingId: string;
  let firstNoticeId: string;

  it('is labelled by the default policy, sent to review, and the seller gets a statement of reasons', async () => {
    ({ listingId } = await ingestAi('ai-1', 'seller-a'));
    const listing = await stack.request('GET', `/v1/listings/${listingId}`, undefined, as('sellerA'));
    expect(listing.status).toBe(200);
    listingViewSchema.parse(listing.body);
    expect(listing.body.labels).toEqual(['ai-generated-image']);
    expect(listing.body.latestScan.findings.map((f: { code: string }) => f.code)).toContain('ai.undisclosed');

    const notices = await stack.request('GET', '/v1/sellers/seller-a/notices', undefined, as('sellerA'));
    noticePageSchema.parse(notices.body);
    expect(notices.body.items).toHaveLength(1);
    const notice = notices.body.items[0];
    firstNoticeId = notice.id;
    expect(notice.statement).toMatchObject({
      puid: expect.stringMatching(/^ll-/),
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_LABELLED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      content_type: ['CONTENT_TYPE_PRODUCT', 'CONTENT_TYPE_IMAGE', 'CONTENT_TYPE_SYNTHETIC_MEDIA'],
      category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
      automated_detection: 'Yes',
      automated_decision: 'AUTOMATED_DECISION_FULLY',
      labels: ['ai-generated-image'],
      policy_version: 0,
      rule_ids: ['default.ai-undisclosed.label'],
    });
    expect(notice.statement.decision_facts).toMatch(/likely AI-generated/);
    expect(notice.rendered.en).toMatch(/appeal/);
    expect(notice.rendered.zh).toMatch(/申诉/);
    const zh = await stack.request('GET', `/v1/notices/${notice.id}?lang=zh`, undefined, as('sellerA'));
    expect(noticeSchema.parse(zh.body).text).toContain('标签');

    const queue = await stack.request('GET', '/v1/review/items?marketplace=mod-shop', undefined, as('reviewer1'));
    reviewItemPageSchema.parse(queue.body);
    expect(queue.body.items).toEqual([expect.objectContaining({ listingId, status: 'open', severity: 'high', isAppeal: false, codes: expect.arrayContaining(['ai.undisclosed']) })]);
  });

  it('re-sending the same listing changes nothing: no second label, notice or review item', async () => {
    await ingestAi('ai-1', 'seller-a');
    const notices = await stack.request('GET', '/v1/sellers/seller-a/notices', undefined, as('sellerA'));
    expect(notices.body.items).toHaveLength(1);
    const items = await stack.db.query('SELECT id FROM review_items WHERE "listingId" = $1', [listingId]);
    expect(items).toHaveLength(1);
  });

  it('a claim is a lease: others are refused until it expires, then may take over', async () => {
    const [item] = (await stack.request('GET', '/v1/review/items?marketplace=mod-shop', undefined, as('reviewer1'))).body.items;
    const claim = await stack.request('POST', `/v1/review/items/${item.id}/claim`, { leaseSeconds: 1 }, as('reviewer1'));
    expect(claim.status).toBe(200);
    expect(reviewItemSchema.parse(claim.body).status).toBe('claimed');
    expect((await stack.request('POST', `/v1/review/items/${item.id}/claim`, {}, as('reviewer2'))).status).toBe(409);
    await new Promise((r) => setTimeout(r, 1300));
    expect((await stack.request('POST', `/v1/review/items/${item.id}/claim`, {}, as('reviewer2'))).status).toBe(200);
    const late = await stack.request('POST', `/v1/review/items/${item.id}/decision`, { decision: 'dismiss', note: 'too late' }, as('reviewer1'));
    expect(late.status).toBe(409);
    errorBodySchema.parse(late.body);
    expect((await stack.request('POST', `/v1/review/items/${item.id}/decision`, { decision: 'confirm', note: 'x' }, as('reviewer2'))).body.error.fields).toEqual([
      { field: 'ground', message: 'confirm needs the policy ground it rests on' },
    ]);
    const dismissed = await stack.request('POST', `/v1/review/items/${item.id}/decision`, { decision: 'dismiss', note: 'Photo is a real studio shot; metadata was a leftover.' }, as('reviewer2'));
    expect(dismissed.status).toBe(200);
    expect(reviewDecisionResultSchema.parse(dismissed.body).item.status).toBe('decided');
    expect((await stack.request('GET', `/v1/listings/${listingId}`, undefined, as('reviewer1'))).body.labels).toEqual([]);
    const notices = (await stack.request('GET', '/v1/sellers/seller-a/notices', undefined, as('sellerA'))).body.items;
    expect(notices).toHaveLength(2);
    expect(notices[0].statement).toMatchObject({ automated_decision: 'AUTOMATED_DECISION_PARTIALLY', labels: [] });
    expect(notices[0].rendered.en).toMatch(/removed/);
  });

  it('an appeal puts the listing back in review as an appeal, and its outcome is a new notice', async () => {
    expect((await stack.request('POST', `/v1/notices/${firstNoticeId}/appeal`, { reason: 'not mine' }, as('sellerB'))).status).toBe(404);
    // Appeals are the seller's: staff keys that may read the notice may not appeal it.
    expect((await stack.request('POST', `/v1/notices/${firstNoticeId}/appeal`, { reason: 'staff' }, as('reader'))).status).toBe(403);
    expect((await stack.request('POST', `/v1/notices/${firstNoticeId}/appeal`, { reason: 'staff' }, as('reviewer1'))).status).toBe(403);
    const appeal = await stack.request('POST', `/v1/notices/${firstNoticeId}/appeal`, { reason: 'The label was removed but I want the record corrected.' }, as('sellerA'));
    expect(appeal.status).toBe(202);
    appealResultSchema.parse(appeal.body);
    expect((await stack.request('POST', `/v1/notices/${firstNoticeId}/appeal`, { reason: 'again' }, as('sellerA'))).status).toBe(409);
    const [row] = await stack.db.query<{ data: { actingAs: string } }>(`SELECT data FROM audit_events WHERE action = 'notice.appealed' AND "subjectId" = $1`, [firstNoticeId]);
    expect(row.data.actingAs).toBe('seller');
    const queue = await stack.request('GET', '/v1/review/items?appeal=true', undefined, as('reviewer1'));
    expect(queue.body.items).toEqual([expect.objectContaining({ id: appeal.body.reviewItemId, listingId, isAppeal: true, appealNoticeId: firstNoticeId })]);
    const id = appeal.body.reviewItemId;
    await stack.request('POST', `/v1/review/items/${id}/claim`, {}, as('reviewer1'));
    const decided = await stack.request(
      'POST',
      `/v1/review/items/${id}/decision`,
      { decision: 'confirm', ground: AI_GROUND, note: 'Generator metadata is present; label stands.', labels: { apply: ['ai-generated-image'] } },
      as('reviewer1'),
    );
    expect(decided.status).toBe(200);
    expect(reviewDecisionResultSchema.parse(decided.body).noticeIds).toHaveLength(1);
    const notices = (await stack.request('GET', '/v1/sellers/seller-a/notices', undefined, as('sellerA'))).body.items;
    expect(notices).toHaveLength(3);
    expect(notices[0]).toMatchObject({ parentNoticeId: firstNoticeId, statement: { labels: ['ai-generated-image'] } });
    expect(notices[0].rendered.en).toMatch(/Appeal reviewed/);
  });

  it('bulk decisions decide many items at once, each reported on its own', async () => {
    const listings = await Promise.all(['bulk-1', 'bulk-2', 'bulk-3'].map((id) => ingestAi(id, 'seller-c')));
    const items = (await stack.request('GET', '/v1/review/items?marketplace=mod-shop&status=open', undefined, as('reviewer1'))).body.items;
    const ids = items.filter((i: { listingId: string }) => listings.some((l) => l.listingId === i.listingId)).map((i: { id: string }) => i.id);
    expect(ids).toHaveLength(3);
    const res = await stack.request(
      'POST',
      '/v1/review/decisions/bulk',
      { decisions: [...ids, '00000000-0000-4000-8000-000000000000'].map((itemId: string) => ({ itemId, decision: 'confirm', ground: AI_GROUND, note: 'bulk confirm' })) },
      as('reviewer2'),
    );
    expect(res.status).toBe(200);
    expect(bulkDecisionResultSchema.parse(res.body).results.map((r) => r.status)).toEqual([200, 200, 200, 404]);
  });

  it('bulk relabel changes each listing\'s labels, reports each item, and audits each label change', async () => {
    const listings = await Promise.all(['relabel-1', 'relabel-2'].map((id) => ingestAi(id, 'seller-e')));
    const open = (await stack.request('GET', '/v1/review/items?marketplace=mod-shop&status=open', undefined, as('reviewer1'))).body.items;
    const ids = listings.map((l) => open.find((i: { listingId: string }) => i.listingId === l.listingId)?.id);
    expect(ids).toEqual([expect.any(String), expect.any(String)]);
    const [decided] = await stack.db.query<{ id: string }>(`SELECT id FROM review_items WHERE status = 'decided' LIMIT 1`);
    const note = 'Disclosed in the description; marked as edited instead.';
    const res = await stack.request(
      'POST',
      '/v1/review/decisions/bulk',
      { decisions: [...ids, decided.id].map((itemId) => ({ itemId, decision: 'relabel', note, labels: { apply: ['edited-image'], remove: ['ai-generated-image'] } })) },
      as('reviewer1'),
    );
    expect(res.status).toBe(200);
    const { results } = bulkDecisionResultSchema.parse(res.body);
    expect(results.map((r) => [r.itemId, r.status])).toEqual([[ids[0], 200], [ids[1], 200], [decided.id, 409]]);
    expect(results[2].error?.code).toBe('conflict');
    for (const { listingId } of listings) {
      expect((await stack.request('GET', `/v1/listings/${listingId}`, undefined, as('reviewer1'))).body.labels).toEqual(['edited-image']);
      const audit = await stack.db.query<{ action: string; reason: string; data: { labelsApplied: string[]; labelsRemoved: string[] } }>(
        `SELECT action, reason, data FROM audit_events WHERE "listingId" = $1 AND action = 'review.relabel'`,
        [listingId],
      );
      expect(audit).toEqual([{ action: 'review.relabel', reason: note, data: expect.objectContaining({ labelsApplied: ['edited-image'], labelsRemoved: ['ai-generated-image'] }) }]);
    }
    const notices = (await stack.request('GET', '/v1/sellers/seller-e/notices', undefined, as('reader'))).body.items;
    expect(notices.filter((n: { statement: { labels: string[] } }) => n.statement.labels.includes('edited-image'))).toHaveLength(2);
  });

  it('a seller sees that its photo is in another seller\'s listing, never whose', async () => {
    const [{ id }] = await stack.db.query<{ id: string }>(`SELECT id FROM listings WHERE "externalId" = 'bulk-1'`);
    const staff = (await stack.request('GET', `/v1/listings/${id}`, undefined, as('reviewer1'))).body.latestScan;
    const reused = staff.findings.find((f: { code: string }) => f.code === 'image.reused');
    expect(reused.evidence.matches).toEqual([expect.objectContaining({ listingId, sellerId: 'seller-a' })]);
    const viaListing = (await stack.request('GET', `/v1/listings/${id}`, undefined, as('sellerC'))).body.latestScan;
    const viaScan = (await stack.request('GET', `/v1/scans/${staff.scanId}`, undefined, as('sellerC'))).body;
    for (const scan of [viaListing, viaScan]) {
      const own = scan.findings.find((f: { code: string }) => f.code === 'image.reused');
      expect(own.evidence).toMatchObject({ summary: expect.stringMatching(/another seller/), totalListings: 1, closestDistance: 0 });
      expect(JSON.stringify(scan)).not.toContain('seller-a');
      expect(JSON.stringify(scan)).not.toContain(listingId);
    }
  });

  it('an admin may appeal for a seller, and the audit log says it acted for the seller', async () => {
    const [notice] = (await stack.request('GET', '/v1/sellers/seller-c/notices')).body.items;
    const res = await stack.request('POST', `/v1/notices/${notice.id}/appeal`, { reason: '=HYPERLINK("http://evil.example/x","click")' });
    expect(res.status).toBe(202);
    const [row] = await stack.db.query<{ data: { actingAs: string; sellerId: string } }>(`SELECT data FROM audit_events WHERE action = 'notice.appealed' AND "subjectId" = $1`, [notice.id]);
    expect(row.data).toMatchObject({ actingAs: 'admin-for-seller', sellerId: 'seller-c' });
  });

  it('every scope boundary holds when tried from the wrong key', async () => {
    const post = { marketplace: 'mod-shop', externalId: 'nope', sellerId: 'seller-a', title: 't', price: { amount: '1', currency: 'EUR' }, images: [{ dataBase64: aiImage }] };
    const denied: Array<[string, string, string, unknown, number]> = [
      ['sellerA', 'POST', '/v1/listings', post, 403],
      ['sellerA', 'GET', '/v1/review/items', undefined, 403],
      ['sellerA', 'GET', '/v1/audit', undefined, 403],
      ['sellerA', 'POST', '/v1/api-keys', { name: 'x', scopes: ['admin'] }, 403],
      ['sellerA', 'POST', '/v1/policies', { marketplace: 'x', rules: [] }, 403],
      ['sellerB', 'GET', `/v1/listings/${listingId}`, undefined, 404],
      ['sellerB', 'GET', '/v1/sellers/seller-a/notices', undefined, 404],
      ['sellerB', 'GET', `/v1/notices/${firstNoticeId}`, undefined, 404],
      ['ingest', 'GET', '/v1/review/items', undefined, 403],
      ['ingest', 'GET', '/v1/sellers/seller-a/notices', undefined, 403],
      ['reviewer1', 'POST', '/v1/listings', post, 403],
      ['reviewer1', 'POST', '/v1/api-keys', { name: 'x', scopes: ['admin'] }, 403],
    ];
    for (const [who, method, path, body, status] of denied) {
      const res = await stack.request(method, path, body, as(who));
      expect([who, method, path, res.status]).toEqual([who, method, path, status]);
    }
    const scan = (await stack.request('GET', `/v1/listings/${listingId}`, undefined, as('sellerA'))).body.latestScan.scanId;
    expect((await stack.request('GET', `/v1/scans/${scan}`, undefined, as('sellerB'))).status).toBe(404);
    expect((await stack.request('GET', `/v1/scans/${scan}`, undefined, as('sellerA'))).status).toBe(200);
  });

  it('a revoked key stops working', async () => {
    const created = await stack.request('POST', '/v1/api-keys', { name: 'temp', scopes: ['read'] });
    const key = { authorization: `Bearer ${created.body.key}` };
    expect((await stack.request('GET', `/v1/listings/${listingId}`, undefined, key)).status).toBe(200);
    expect((await stack.request('DELETE', `/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await stack.request('GET', `/v1/listings/${listingId}`, undefined, key)).status).toBe(401);
  });

  it('policies are versioned data; a shadow version is recorded, not acted on', async () => {
    const rules = [{ id: 'shadow.everything.label', code: '*', actions: [{ type: 'auto_label', label: 'shadow-test' }] }];
    const created = await stack.request('POST', '/v1/policies', { marketplace: 'mod-shop', rules, shadow: true });
    expect(created.status).toBe(201);
    expect(policyRecordSchema.parse(created.body)).toMatchObject({ marketplace: 'mod-shop', version: 1, shadow: true });
    const { listingId: shadowed } = await ingestAi('shadowed-1', 'seller-d');
    expect((await stack.request('GET', `/v1/listings/${shadowed}`)).body.labels).toEqual(['ai-generated-image']);
    const audit = await stack.db.query<{ action: string; shadow: boolean; policyVersion: number }>(
      'SELECT action, shadow, "policyVersion" FROM audit_events WHERE "listingId" = $1 AND shadow', [shadowed]);
    expect(audit).toEqual([{ action: 'policy.shadow_match', shadow: true, policyVersion: 1 }]);
    const bad = await stack.request('POST', '/v1/policies', { marketplace: 'mod-shop', rules: [{ id: 'x', code: 'no.such', actions: [] }] });
    expect(bad.status).toBe(400);
    errorBodySchema.parse(bad.body);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['rules[0].code', 'rules[0].actions']);
  });

  it('the audit log exports in full as NDJSON and CSV, and pages to the same rows', async () => {
    const [{ count }] = await stack.db.query<{ count: string }>('SELECT count(*) FROM audit_events');
    expect(Number(count)).toBeGreaterThan(10);
    const nd = await fetch(`${stack.baseUrl}/v1/audit?format=ndjson`, { headers: as('reviewer1') });
    const lines = (await nd.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(Number(count));
    expect(lines[0]).toMatchObject({ seq: expect.any(String), actor: expect.any(String), action: expect.any(String) });
    const csv = await (await fetch(`${stack.baseUrl}/v1/audit?format=csv`, { headers: as('reviewer1') })).text();
    expect(csv.split('\n')[0]).toBe('seq,at,actorType,actor,action,listingId,subjectType,subjectId,reason,policyVersion,ruleId,shadow,data');
    // The admin's appeal reason was =HYPERLINK(...): exported inert, never as a cell a spreadsheet evaluates.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/x"",""click"")"`);
    expect(csvCells(csv).filter((cell) => /^[=+@\t\r-]/.test(cell))).toEqual([]);
    let after = '0';
    let paged = 0;
    for (;;) {
      const page = await stack.request('GET', `/v1/audit?after=${after}&limit=7`, undefined, as('reviewer1'));
      auditPageSchema.parse(page.body);
      paged += page.body.items.length;
      if (!page.body.next) break;
      after = page.body.next;
    }
    expect(paged).toBe(Number(count));
    await expect(stack.db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });

  it('every change went out as a signed webhook, exactly once per webhook-id', async () => {
    const [{ count }] = await stack.db.query<{ count: string }>('SELECT count(*) FROM outbox_events');
    await waitFor('all events delivered', () => receiver.at('/hooks').length >= Number(count) || undefined, 30_000);
    const got = receiver.at('/hooks');
    expect(got.every((m) => m.verifiedBy.length === 1)).toBe(true);
    expect(new Set(got.map((m) => m.webhookId)).size).toBe(got.length);
    const types = got.map((m) => JSON.parse(m.body) as { type: string; data: { listingId?: string } });
    const forFirst = types.filter((t) => t.data.listingId === listingId).map((t) => t.type);
    for (const type of ['scan.completed', 'listing.flagged', 'listing.labeled', 'notice.created', 'review.decided', 'notice.appealed']) {
      expect(forFirst).toContain(type);
    }
  });
});

/** Every cell of a CSV text, unquoted. */
function csvCells(text: string): string[] {
  return (parse(text, { relax_column_count: true }) as string[][]).flat();
}
