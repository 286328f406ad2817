import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, policyGrounds } from '@listinglens/policy';
import { type JsonBody, type Stack, startStack } from '../support/stack';
import { mirrored, pdqOf, photo } from './photos';

/** Issue 26 end to end: built api + worker, real PostgreSQL and Redis. */
let stack: Stack;
let known: Buffer;
let knownPdq: string;
let listId: string;
const OTHER = 'ff'.repeat(32);

const listing = (externalId: string, image: Buffer) => ({
  marketplace: 'lists-shop',
  externalId,
  sellerId: `seller-${externalId}`,
  title: 'Sneakers',
  price: { amount: '80.00', currency: 'EUR' },
  images: [{ dataBase64: image.toString('base64') }],
});
const listed = (scan: JsonBody) => scan.findings.filter((f: { code: string }) => f.code === 'image.listed_match');
const ingest = async (externalId: string, image: Buffer) => {
  const res = await stack.request('POST', '/v1/listings', listing(externalId, image));
  expect(res.status).toBe(202);
  return { listingId: res.body.listingId as string, scan: await stack.waitForScan(res.body.scanId) };
};
const text = async (path: string, key?: string) => {
  const res = await fetch(stack.baseUrl + path, { headers: key ? { authorization: `Bearer ${key}` } : { authorization: `Bearer test-admin-key-0123456789abcdef` } });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

beforeAll(async () => {
  known = await photo(21);
  knownPdq = await pdqOf(known);
  stack = await startStack('hash_lists', { OCR_ENABLED: 'false' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('hash lists: a partner list imported through the API flags listings end to end', () => {
  it('imports a partner CSV by streaming, keeping valid rows and naming the malformed line', async () => {
    const created = await stack.request('POST', '/v1/hash-lists', { name: 'partner-acme', source: 'partner:acme' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'partner-acme', threshold: 31, action: 'review', enabled: true, hashes: 0 });
    listId = created.body.id;
    const csv = `# from acme\npdq,id,note\n${knownPdq},acme-1,"counterfeit, sold as original"\n${knownPdq.slice(2)},acme-2,short\n${OTHER},acme-3,\n`;
    const imported = await stack.request('POST', `/v1/hash-lists/${listId}/hashes`, csv, { 'content-type': 'text/csv' });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ listId, lines: 5, added: 2, duplicates: 0, rejected: 1, rejectedLines: [{ line: 4, reason: 'pdq: not a PDQ hash (64 hex digits)' }] });
    const audit = await stack.db.query<{ action: string; data: { added?: number } }>(`SELECT action, data FROM audit_events WHERE "subjectType" = 'hash_list' AND "subjectId" = $1 ORDER BY seq`, [listId]);
    expect(audit.map((a) => a.action)).toEqual(['hash_list.created', 'hash_list.imported']);
    expect(audit[1].data).toMatchObject({ added: 2, rejected: 1 });
  });

  it("flags a listing whose image's mirror is on the list, and sends it to review", async () => {
    const { listingId, scan } = await ingest('mirror', await mirrored(known));
    expect(scan.images[0].pdq).toMatch(/^[0-9a-f]{64}$/);
    const found = listed(scan);
    expect(found).toHaveLength(1);
    expect(found[0].evidence.matches).toEqual([
      expect.objectContaining({ list: 'partner-acme', listId, source: 'partner:acme', externalId: 'acme-1', note: 'counterfeit, sold as original', pdq: knownPdq, variant: 'flipY' }),
    ]);
    expect(found[0].evidence.matches[0].distance).toBeLessThanOrEqual(31);
    const items = (await stack.request('GET', '/v1/review/items?marketplace=lists-shop')).body.items;
    expect(items.map((i: { listingId: string }) => i.listingId)).toContain(listingId);
  });

  it('flags the listed photo itself, and not a different photo', async () => {
    const same = listed((await ingest('same', known)).scan);
    expect(same[0].evidence.matches[0]).toMatchObject({ externalId: 'acme-1', variant: 'original' });
    expect(listed((await ingest('different', await photo(22))).scan)).toEqual([]);
  });

  it("takes the list's own action: label:<slug> labels the listing; none (a watch list) only records", async () => {
    expect((await stack.request('PATCH', `/v1/hash-lists/${listId}`, { action: 'label:known-counterfeit' })).body.action).toBe('label:known-counterfeit');
    const labelled = await ingest('labelled', known);
    expect(listed(labelled.scan)[0].evidence.matches[0].action).toBe('label:known-counterfeit');
    expect((await stack.request('GET', `/v1/listings/${labelled.listingId}`)).body.labels).toEqual(['known-counterfeit']);
    const [applied] = await stack.db.query<{ ruleId: string }>(`SELECT "ruleId" FROM listing_labels WHERE "listingId" = $1`, [labelled.listingId]);
    expect(applied.ruleId).toBe('hash-list:partner-acme');

    expect((await stack.request('PATCH', `/v1/hash-lists/${listId}`, { action: 'none' })).status).toBe(200);
    const watched = await ingest('watched', known);
    expect(listed(watched.scan)[0]).toMatchObject({ severity: 'info' });
    expect((await stack.request('GET', `/v1/listings/${watched.listingId}`)).body.labels).toEqual([]);
    const items = (await stack.request('GET', '/v1/review/items?marketplace=lists-shop')).body.items;
    expect(items.map((i: { listingId: string }) => i.listingId)).not.toContain(watched.listingId);
    expect((await stack.request('PATCH', `/v1/hash-lists/${listId}`, { action: 'review' })).body.action).toBe('review');
  });

  it('stops matching a list once it is disabled', async () => {
    expect((await stack.request('PATCH', `/v1/hash-lists/${listId}`, { enabled: false })).status).toBe(200);
    expect(listed((await ingest('while-disabled', known)).scan)).toEqual([]);
    expect((await stack.request('PATCH', `/v1/hash-lists/${listId}`, { enabled: true })).body.enabled).toBe(true);
  });

  it('exports the list in the form it was imported in, and the export imports back to the same list', async () => {
    const csv = await text(`/v1/hash-lists/${listId}/hashes?format=csv`);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.body).toBe(`pdq,id,note\n${knownPdq},acme-1,"counterfeit, sold as original"\n${OTHER},acme-3,\n`);
    const plain = await text(`/v1/hash-lists/${listId}/hashes`);
    expect(plain.body.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([knownPdq, OTHER]);
    const copy = (await stack.request('POST', '/v1/hash-lists', { name: 'acme-copy', source: 'own', threshold: 20 })).body;
    const back = await stack.request('POST', `/v1/hash-lists/${copy.id}/hashes`, plain.body, { 'content-type': 'text/plain' });
    expect(back.body).toMatchObject({ added: 2, rejected: 0 });
    expect((await text(`/v1/hash-lists/${copy.id}/hashes`)).body.split('\n').slice(1)).toEqual(plain.body.split('\n').slice(1));
    const removed = await stack.request('POST', `/v1/hash-lists/${copy.id}/hashes/remove`, { pdq: [OTHER] });
    expect(removed.body).toEqual({ removed: 1 });
    expect((await stack.request('GET', `/v1/hash-lists/${copy.id}`)).body.hashes).toBe(1);
  });

  it('exports the images our reviewers confirmed as a list', async () => {
    const reviewer = (await stack.request('POST', '/v1/api-keys', { name: 'reviewer', scopes: ['review'] })).body.key;
    const as = { authorization: `Bearer ${reviewer}` };
    const { listingId, scan } = await ingest('to-confirm', await mirrored(known));
    expect(listed(scan)).toHaveLength(1);
    const item = (await stack.request('GET', '/v1/review/items?marketplace=lists-shop')).body.items.filter((i: { listingId: string }) => i.listingId === listingId);
    expect((await stack.request('POST', `/v1/review/items/${item[0].id}/claim`, {}, as)).status).toBe(200);
    const ground = policyGrounds(DEFAULT_POLICY.rules).find((g) => g.includes('4.3'));
    const decided = await stack.request('POST', `/v1/review/items/${item[0].id}/decision`, { decision: 'confirm', ground, note: 'Known counterfeit photo.' }, as);
    expect(decided.status).toBe(200);
    const shared = await text('/v1/hash-lists/reviewer-confirmed/hashes?format=csv');
    expect(shared.status).toBe(200);
    expect(shared.body).toContain(`${scan.images[0].pdq},review:${item[0].id},confirmed: image.listed_match`);
  });

  it('refuses a key without the admin scope (403), and bad requests with the field named', async () => {
    const reviewer = (await stack.request('POST', '/v1/api-keys', { name: 'not-admin', scopes: ['review', 'ingest'] })).body.key;
    const as = { authorization: `Bearer ${reviewer}` };
    expect((await stack.request('POST', `/v1/hash-lists/${listId}/hashes`, `${OTHER}\n`, { ...as, 'content-type': 'text/plain' })).status).toBe(403);
    expect((await stack.request('GET', '/v1/hash-lists', undefined, as)).status).toBe(403);
    expect((await text(`/v1/hash-lists/${listId}/hashes`, reviewer)).status).toBe(403);
    const tooLoose = await stack.request('POST', '/v1/hash-lists', { name: 'loose', source: 'x', threshold: 40 });
    expect(tooLoose.status).toBe(400);
    expect(tooLoose.body.error.message).toMatch(/^threshold/);
    const asJson = await stack.request('POST', `/v1/hash-lists/${listId}/hashes`, { pdq: OTHER });
    expect(asJson.status).toBe(400);
    expect(asJson.body.error.message).toMatch(/^body: send the list as text\/plain or text\/csv/);
    expect((await stack.request('POST', '/v1/hash-lists', { name: 'partner-acme', source: 'again' })).status).toBe(409);
  });
});
