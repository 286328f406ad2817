import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { hugePng, solidPng, truncatedJpeg } from '../support/images';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let server: FixtureServer;
let good: string;

const listing = (overrides: Record<string, unknown> = {}) => ({
  marketplace: 'e2e-shop',
  externalId: `bad-${Math.random().toString(36).slice(2)}`,
  sellerId: 'seller-1',
  title: 'Bowl',
  price: { amount: '10', currency: 'USD' },
  images: [{ dataBase64: good }],
  ...overrides,
});

beforeAll(async () => {
  good = (await solidPng(64, 64)).toString('base64');
  server = await startFixtureServer({ 'ok.png': await solidPng(32, 32) });
  stack = await startStack('bad', { IMAGE_FETCH_ALLOW_HOSTS: 'localhost', IMAGE_FETCH_TIMEOUT_MS: '3000' });
});
afterAll(async () => {
  await stack?.stop();
  await server?.close();
});

describe('bad requests get a 4xx naming the problem, and nothing is stored', () => {
  // Each test checks that it stored nothing itself, whatever ran before it (other suites' listings included).
  const stored = async () => (await stack.db.query<{ n: string }>(`SELECT (SELECT count(*) FROM listings) + (SELECT count(*) FROM scans) + (SELECT count(*) FROM listing_images) AS n`))[0].n;
  let before: unknown;
  beforeEach(async () => {
    before = await stored();
  });
  afterEach(async () => {
    expect(await stored(), 'rows written by a refused request').toEqual(before);
  });

  const fieldsOf = (body: { error: { fields?: Array<{ field: string }> } }) => (body.error.fields ?? []).map((f) => f.field);

  it('malformed JSON', async () => {
    const res = await stack.request('POST', '/v1/listings', '{"marketplace": "m",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('missing and wrong-typed fields', async () => {
    const { marketplace: _m, ...missing } = listing();
    const res = await stack.request('POST', '/v1/listings', { ...missing, title: 42, aiDisclosure: 'yes' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['marketplace', 'title', 'aiDisclosure']));
  });

  it('unknown currency', async () => {
    const res = await stack.request('POST', '/v1/listings', listing({ price: { amount: '10', currency: 'XYZ' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'price.currency', message: 'unknown ISO 4217 currency code "XYZ"' }]);
  });

  it('a float-mangled or negative price', async () => {
    const res = await stack.request('POST', '/v1/listings', listing({ price: { amount: '-1', currency: 'USD' } }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['price.amount']);
  });

  it('21 images', async () => {
    const res = await stack.request('POST', '/v1/listings', listing({ images: Array.from({ length: 21 }, () => ({ dataBase64: good })) }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'images', message: 'at most 20 images' }]);
  });

  it('an image with both url and data, and a bad URL', async () => {
    const res = await stack.request('POST', '/v1/listings', listing({ images: [{ url: 'http://x/a.png', dataBase64: good }, { url: 'ftp://x/a' }] }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['images[0]', 'images[1].url']);
  });

  it('a batch over 500 and a bad listing inside a batch', async () => {
    const big = await stack.request('POST', '/v1/listings/batch', { listings: Array.from({ length: 501 }, () => listing()) });
    expect(big.status).toBe(400);
    const one = await stack.request('POST', '/v1/listings/batch', { listings: [listing(), listing({ sellerId: '' })] });
    expect(one.status).toBe(400);
    expect(fieldsOf(one.body)).toEqual(['listings[1].sellerId']);
  });

  it('NUL characters and lone surrogates in any string field or parameter: a 400 naming it, not a 500', async () => {
    const nul = await stack.request('POST', '/v1/listings', listing({ title: 'Bowl\u0000' }));
    expect(nul.status).toBe(400);
    expect(fieldsOf(nul.body)).toEqual(['title']);
    // JSON.stringify would escape a lone surrogate as \ud800 too; written by hand to be explicit.
    const body = JSON.stringify(listing()).replace('"title":"Bowl"', '"title":"Bowl","description":"\\ud800 half"');
    const surrogate = await stack.request('POST', '/v1/listings', body);
    expect(surrogate.status).toBe(400);
    expect(fieldsOf(surrogate.body)).toEqual(['description']);
    const batch = await stack.request('POST', '/v1/listings/batch', { listings: [listing(), listing({ sellerId: 's\u0000' })] });
    expect(fieldsOf(batch.body)).toEqual(['listings[1].sellerId']);
    const query = await stack.request('GET', '/v1/review/items?marketplace=%00');
    expect(query.status).toBe(400);
    expect(fieldsOf(query.body)).toEqual(['marketplace']);
    const param = await stack.request('GET', '/v1/sellers/s%00/notices');
    expect(param.status).toBe(400);
    expect(fieldsOf(param.body)).toEqual(['sellerId']);
  });
});

describe('bad images are per-image errors; the scan still completes', () => {
  async function scanOf(images: unknown[]) {
    const res = await stack.request('POST', '/v1/listings', listing({ images: [{ dataBase64: good }, ...images] }));
    expect(res.status).toBe(202);
    const scan = await stack.waitForScan(res.body.scanId);
    expect(scan.status).toBe('completed');
    expect(scan.images[0].error).toBeNull(); // the good image is unaffected
    return scan.images.slice(1).map((i: { error: unknown }) => i.error);
  }

  it('non-image bytes, a truncated JPEG and a 20000×20000 PNG', async () => {
    const errors = await scanOf([
      { dataBase64: Buffer.from('%PDF-1.7 not an image at all').toString('base64') },
      { dataBase64: (await truncatedJpeg()).toString('base64') },
      { dataBase64: hugePng().toString('base64') },
    ]);
    expect(errors.map((e: { code: string }) => e.code)).toEqual(['image.unsupported', 'image.unreadable', 'image.too_large']);
    expect(errors[2].message).toContain('20000×20000');
  });

  it('URLs to loopback, to the metadata address, and a redirect into a private address', async () => {
    const errors = await scanOf([
      { url: `http://127.0.0.1:${server.port}/img/ok.png` },
      { url: 'http://169.254.169.254/latest/meta-data/' },
      { url: server.url(`/redirect?to=${encodeURIComponent(`http://127.0.0.1:${server.port}/img/ok.png`)}`) },
      { url: server.url('/img/missing.png') },
    ]);
    expect(errors.map((e: { code: string }) => e.code)).toEqual(['image.fetch_failed', 'image.fetch_failed', 'image.fetch_failed', 'image.fetch_failed']);
    expect(errors[0].message).toMatch(/127\.0\.0\.1 is a private or reserved address/);
    expect(errors[1].message).toMatch(/169\.254\.169\.254 is a private or reserved address/);
    expect(errors[2].message).toMatch(/refused: 127\.0\.0\.1/);
    expect(errors[3].message).toMatch(/HTTP 404/);
    expect(server.hits('/img/ok.png')).toBe(0); // never reached
  });
});

describe('one bad request does not fail other clients’ ingests', () => {
  it('30 valid POSTs and 3 with a NUL in the title, sent together: 30 × 202 and 3 × 400', async () => {
    const bodies = Array.from({ length: 33 }, (_, i) => listing({ externalId: `mix-${i}`, title: i % 11 === 5 ? 'Bowl\u0000' : 'Bowl' }));
    const statuses = await Promise.all(bodies.map(async (b) => (await stack.request('POST', '/v1/listings', b)).status));
    expect(statuses.filter((s) => s === 202)).toHaveLength(30);
    expect(statuses.filter((s) => s === 400)).toHaveLength(3);
  });
});
