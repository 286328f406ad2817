import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, healthSchema, ingestBatchResultSchema, ingestResultSchema, listingViewSchema, readinessSchema, scanViewSchema } from '@listinglens/contracts';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { sha256, solidJpeg, solidPng } from '../support/images';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let server: FixtureServer;
let inline: Buffer;
let remote: Buffer;

const listing = (overrides: Record<string, unknown> = {}) => ({
  marketplace: 'e2e-shop',
  externalId: 'sku-1',
  sellerId: 'seller-1',
  title: 'Blue bowl',
  price: { amount: '12.50', currency: 'EUR' },
  images: [{ dataBase64: inline.toString('base64') }, { url: server.url('/img/remote.jpg') }],
  ...overrides,
});

beforeAll(async () => {
  inline = await solidPng(320, 200);
  remote = await solidJpeg(640, 480);
  server = await startFixtureServer({ 'remote.jpg': remote });
  stack = await startStack('flow', { IMAGE_FETCH_ALLOW_HOSTS: 'localhost' });
});
afterAll(async () => {
  await stack?.stop();
  await server?.close();
});

describe('a listing end to end (built api + worker, real PostgreSQL and Redis)', () => {
  it('answers 202 and completes the scan with each image identified', async () => {
    const res = await stack.request('POST', '/v1/listings', listing());
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ listingId: expect.any(String), scanId: expect.any(String), status: 'queued' });
    ingestResultSchema.parse(res.body); // responses are what the OpenAPI document says

    const scan = scanViewSchema.parse(await stack.waitForScan(res.body.scanId));
    expect(scan.status).toBe('completed');
    expect(scan.images).toEqual([
      { position: 0, sha256: sha256(inline), format: 'png', width: 320, height: 200, pdq: expect.stringMatching(/^[0-9a-f]{64}$/), pdqQuality: expect.any(Number), evidenceKept: false, error: null },
      { position: 1, sha256: sha256(remote), format: 'jpeg', width: 640, height: 480, pdq: expect.stringMatching(/^[0-9a-f]{64}$/), pdqQuality: expect.any(Number), evidenceKept: false, error: null },
    ]);
    expect(scan.findings).toEqual([]);
    expect(server.hits('/img/remote.jpg')).toBe(1);

    const got = await stack.request('GET', `/v1/listings/${res.body.listingId}`);
    expect(got.status).toBe(200);
    listingViewSchema.parse(got.body);
    expect(got.body).toMatchObject({ externalId: 'sku-1', price: { amount: '12.5', currency: 'EUR' }, version: 1 });
    expect(got.body.latestScan.scanId).toBe(res.body.scanId);
  });

  it('re-sending the same content returns the same scan and queues nothing', async () => {
    const first = await stack.request('POST', '/v1/listings', listing({ externalId: 'sku-2' }));
    await stack.waitForScan(first.body.scanId);
    const hitsBefore = server.hits('/img/remote.jpg');
    // "12.5" is the same price as "12.50": still the same content.
    const again = await stack.request('POST', '/v1/listings', listing({ externalId: 'sku-2', price: { amount: '12.5', currency: 'EUR' } }));
    expect(again.status).toBe(202);
    expect(again.body.scanId).toBe(first.body.scanId);
    expect(again.body.status).toBe('completed');
    await new Promise((r) => setTimeout(r, 1000));
    expect(server.hits('/img/remote.jpg')).toBe(hitsBefore); // nothing was scanned again
    const scans = await stack.db.query('SELECT id FROM scans WHERE "listingId" = $1', [first.body.listingId]);
    expect(scans).toHaveLength(1);
  });

  it('changed content is a new version with a new scan', async () => {
    const first = await stack.request('POST', '/v1/listings', listing({ externalId: 'sku-3' }));
    const changed = await stack.request('POST', '/v1/listings', listing({ externalId: 'sku-3', title: 'Blue bowl, large' }));
    expect(changed.body.listingId).toBe(first.body.listingId);
    expect(changed.body.scanId).not.toBe(first.body.scanId);
    await stack.waitForScan(changed.body.scanId);
    const got = await stack.request('GET', `/v1/listings/${first.body.listingId}`);
    expect(got.body).toMatchObject({ version: 2, title: 'Blue bowl, large' });
    expect(got.body.latestScan.scanId).toBe(changed.body.scanId);
  });

  it('identical sends racing each other create one scan', async () => {
    const sends = await Promise.all(Array.from({ length: 8 }, () => stack.request('POST', '/v1/listings', listing({ externalId: 'sku-race' }))));
    expect(new Set(sends.map((s) => s.body.scanId)).size).toBe(1);
    expect(sends.every((s) => s.status === 202)).toBe(true);
  });

  it('accepts a batch and scans every listing in it', async () => {
    const listings = Array.from({ length: 25 }, (_, i) => listing({ externalId: `batch-${i}`, images: [{ dataBase64: inline.toString('base64') }] }));
    const res = await stack.request('POST', '/v1/listings/batch', { listings });
    expect(res.status).toBe(202);
    expect(ingestBatchResultSchema.parse(res.body).results).toHaveLength(25);
    for (const r of res.body.results) expect((await stack.waitForScan(r.scanId)).status).toBe('completed');
  });

  it('serves health, readiness and the OpenAPI document without a key', async () => {
    const health = await fetch(`${stack.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    healthSchema.parse(await health.json());
    const ready = await fetch(`${stack.baseUrl}/readyz`);
    expect(readinessSchema.parse(await ready.json())).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
    const docs = await (await fetch(`${stack.baseUrl}/docs-json`)).json();
    expect(docs).toEqual(JSON.parse(readFileSync('openapi.json', 'utf8')));
  });

  it('serves Swagger UI with all its assets at /docs, /docs/, /docs/?query and /docs/index.html', async () => {
    for (const entry of ['/docs', '/docs/', '/docs/?x=1', '/docs/index.html']) {
      const page = await fetch(stack.baseUrl + entry);
      expect(page.status, entry).toBe(200);
      const html = await page.text();
      const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => new URL(m[1], page.url).href);
      expect(assets.length, entry).toBeGreaterThanOrEqual(4);
      for (const asset of assets) expect((await fetch(asset)).status, `${entry} → ${asset}`).toBe(200);
    }
  });

  it('refuses requests without a valid key', async () => {
    const none = await stack.request('GET', '/v1/scans/00000000-0000-0000-0000-000000000000', undefined, { authorization: '' });
    expect(none.status).toBe(401);
    const wrong = await stack.request('POST', '/v1/listings', listing(), { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(errorBodySchema.parse(wrong.body).error.code).toBe('unauthorized');
  });

  it("finds another seller's near-identical photo, and ignores the same seller's", async () => {
    const sharp = (await import('sharp')).default;
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#222' } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><circle cx="120" cy="150" r="90" fill="#e63"/><rect x="230" y="60" width="120" height="180" fill="#3ae"/></svg>') }])
      .jpeg()
      .toBuffer();
    const recompressed = await sharp(photo).resize(300).jpeg({ quality: 55 }).toBuffer();
    const send = async (externalId: string, sellerId: string, bytes: Buffer) => {
      const res = await stack.request('POST', '/v1/listings', listing({ externalId, sellerId, images: [{ dataBase64: bytes.toString('base64') }] }));
      return { listingId: res.body.listingId as string, scan: await stack.waitForScan(res.body.scanId) };
    };
    const original = await send('reuse-orig', 'seller-orig', photo);
    expect(original.scan.findings.filter((f: { code: string }) => f.code === 'image.reused')).toEqual([]);
    const own = await send('reuse-own', 'seller-orig', recompressed);
    expect(own.scan.findings.filter((f: { code: string }) => f.code === 'image.reused')).toEqual([]);
    const copy = await send('reuse-copy', 'seller-copycat', recompressed);
    const reused = copy.scan.findings.filter((f: { code: string }) => f.code === 'image.reused');
    expect(reused).toHaveLength(1);
    expect(JSON.stringify(reused[0].evidence)).toContain(original.listingId);
  });
});
