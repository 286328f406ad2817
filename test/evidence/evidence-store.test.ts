/** Issue 24: the scanned bytes are kept as evidence, served by a scope-checked route, and expire. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceRepository, PostgresBlobStore, PrismaService } from '@listinglens/data-access';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { SD_PARAMETERS, sha256, solidPng, withTextChunk } from '../support/images';
import { type Stack, startStack } from '../support/stack';

const MARKETPLACE = 'evidence-shop';
let stack: Stack;
let fixtures: FixtureServer;
const served: Record<string, Buffer> = {};
const keys: Record<string, string> = {};
const as = (who: string) => ({ authorization: `Bearer ${keys[who]}` });
let aiPng: Buffer;

async function ingest(externalId: string, sellerId: string, images: unknown[], title = 'Bowl', marketplace = 'plain') {
  const res = await stack.request('POST', '/v1/listings', { marketplace, externalId, sellerId, title, price: { amount: '10.00', currency: 'EUR' }, images });
  expect(res.status).toBe(202);
  const scan = await stack.waitForScan(res.body.scanId, ['completed', 'failed'], 60_000);
  expect(scan.status).toBe('completed');
  return scan;
}

const evidence = (scanId: string, position: number, who = 'reader', size = 'full') =>
  fetch(`${stack.baseUrl}/v1/scans/${scanId}/images/${position}/evidence?size=${size}`, { headers: as(who) });

beforeAll(async () => {
  fixtures = await startFixtureServer(served);
  stack = await startStack('evidence', { OCR_ENABLED: 'false', IMAGE_FETCH_ALLOW_HOSTS: `localhost:${fixtures.port}` });
  for (const [name, scopes] of Object.entries({ reader: ['read'], s1: ['seller:s-1'], s2: ['seller:s-2'], ingest: ['ingest'] })) {
    keys[name] = (await stack.request('POST', '/v1/api-keys', { name, scopes })).body.key;
  }
  // Every finding goes to review in this marketplace: all the listing's images are kept.
  const rule = { id: 'evidence.review-all', code: '*', minSeverity: 'info', actions: [{ type: 'review' }], ground: 'Terms §1.' };
  expect((await stack.request('POST', '/v1/policies', { marketplace: MARKETPLACE, rules: [rule] })).status).toBe(201);
  // Elsewhere nothing here goes to review (no banknotes): only images with a finding are kept.
  const none = { ...rule, id: 'plain.banknotes-only', code: 'currency.banknote' };
  expect((await stack.request('POST', '/v1/policies', { marketplace: 'plain', rules: [none] })).status).toBe(201);
  aiPng = withTextChunk(await solidPng(640, 320, '#c96'), 'parameters', SD_PARAMETERS);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await fixtures?.close();
});

describe('evidence store', () => {
  it('keeps the bytes of an image with a finding, not of a clean one, and says so per image with its sha256', async () => {
    const clean = await solidPng(300, 200, '#38a');
    const scan = await ingest('a-1', 's-1', [{ dataBase64: aiPng.toString('base64') }, { dataBase64: clean.toString('base64') }]);
    expect(scan.findings.some((f: { code: string; imagePosition: number }) => f.code === 'ai.provenance' && f.imagePosition === 0)).toBe(true);
    expect(scan.images.map((i: { sha256: string; evidenceKept: boolean }) => [i.sha256, i.evidenceKept])).toEqual([
      [sha256(aiPng), true],
      [sha256(clean), false],
    ]);
    const res = await evidence(scan.scanId, 0);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/^private/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(aiPng));
    expect((await evidence(scan.scanId, 1)).status).toBe(404);
    // The inline upload is not kept twice: after the scan the row holds no bytes, the store has them once.
    const [row] = await stack.db.query<{ n: string }>(`SELECT count(*) AS n FROM listing_images WHERE "scanId" = $1 AND "inlineData" IS NOT NULL`, [scan.scanId]);
    expect(Number(row.n)).toBe(0);
  });

  it('stores a photo reused by many listings once', async () => {
    for (let i = 0; i < 3; i++) await ingest(`reuse-${i}`, `s-${i}`, [{ dataBase64: aiPng.toString('base64') }]);
    const [blobs] = await stack.db.query<{ n: string }>(`SELECT count(*) AS n FROM evidence_blobs WHERE sha256 = $1`, [sha256(aiPng)]);
    const [objects] = await stack.db.query<{ n: string }>(`SELECT count(*) AS n FROM blob_objects WHERE key = $1`, [sha256(aiPng)]);
    expect([Number(blobs.n), Number(objects.n)]).toEqual([1, 1]);
  });

  it('serves a 480 px WebP thumbnail with the same aspect ratio (boxes scale onto it)', async () => {
    const tall = withTextChunk(await solidPng(750, 3000, '#963'), 'parameters', SD_PARAMETERS);
    const scan = await ingest('thumb', 's-1', [{ dataBase64: tall.toString('base64') }]);
    const res = await evidence(scan.scanId, 0, 'reader', 'thumb');
    expect(res.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([120, 480]);
  });

  it('shows a seller only its own listings\' evidence (404 otherwise) and refuses other scopes', async () => {
    const scan = await ingest('scoped', 's-1', [{ dataBase64: aiPng.toString('base64') }]);
    expect((await evidence(scan.scanId, 0, 's1')).status).toBe(200);
    expect((await evidence(scan.scanId, 0, 's2')).status).toBe(404);
    expect((await evidence(scan.scanId, 0, 'ingest')).status).toBe(403);
    expect((await evidence(scan.scanId, 25)).status).toBe(400);
  });

  it('serves a TIFF as its PNG rendering, and never bytes that are not a picture', async () => {
    const tiff = await sharp(await solidPng(200, 100, '#5a5')).tiff().toBuffer();
    const scan = await ingest('tiff', 's-1', [{ dataBase64: aiPng.toString('base64') }, { dataBase64: tiff.toString('base64') }], 'Bowl', MARKETPLACE);
    expect(scan.images[1]).toMatchObject({ format: 'tiff', evidenceKept: true });
    const res = await evidence(scan.scanId, 1);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).format).toBe('png');
    // Whatever the store holds, an SVG (active content) is never handed to the browser.
    await stack.db.query(`UPDATE blob_objects SET data = $2 WHERE key = $1`, [`${sha256(tiff)}.display.png`, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')]);
    const svg = await evidence(scan.scanId, 1);
    expect(svg.status).toBe(415);
    expect(svg.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('a new version of a listing reads its kept url image from the store, not the URL again', async () => {
    served['cloak.png'] = aiPng;
    const url = fixtures.url('/img/cloak.png');
    const first = await ingest('cloak', 's-1', [{ url }]);
    expect(first.images[0]).toMatchObject({ sha256: sha256(aiPng), evidenceKept: true });
    expect(fixtures.hits('/img/cloak.png')).toBe(1);
    served['cloak.png'] = await solidPng(640, 320, '#fff'); // the seller's server now serves a clean photo
    const second = await ingest('cloak', 's-1', [{ url }], 'Bowl, new title');
    expect(second.scanId).not.toBe(first.scanId);
    expect(second.images[0]).toMatchObject({ sha256: sha256(aiPng), evidenceKept: true });
    expect(fixtures.hits('/img/cloak.png')).toBe(1);
  });
});

describe('evidence retention', () => {
  it('removes expired evidence unless an open review item refers to it, and counts what is stored', async () => {
    const reviewed = withTextChunk(await solidPng(321, 123, '#a5a'), 'parameters', SD_PARAMETERS);
    const plain = withTextChunk(await solidPng(123, 321, '#aa5'), 'parameters', SD_PARAMETERS);
    const open = await ingest('ret-open', 's-1', [{ dataBase64: reviewed.toString('base64') }], 'Bowl', MARKETPLACE);
    const gone = await ingest('ret-gone', 's-1', [{ dataBase64: plain.toString('base64') }]);
    const [item] = await stack.db.query<{ status: string }>(`SELECT status::text FROM review_items WHERE "listingId" = $1`, [open.listingId]);
    expect(item.status).toBe('open');
    const prisma = new PrismaService(stack.db.url, 2);
    try {
      const repo = new EvidenceRepository(prisma, new PostgresBlobStore(prisma));
      const before = await repo.totals();
      expect(before.blobs).toBeGreaterThan(0);
      // Everything is past a cutoff in the future: only what an open review item refers to stays.
      await repo.expire(new Date(Date.now() + 86_400_000));
      const view = async (scanId: string) => (await stack.request('GET', `/v1/scans/${scanId}`)).body.images[0];
      expect(await view(open.scanId)).toMatchObject({ evidenceKept: true });
      expect(await view(gone.scanId)).toMatchObject({ evidenceKept: false, sha256: sha256(plain) });
      expect((await evidence(gone.scanId, 0)).status).toBe(404);
      const [left] = await stack.db.query<{ n: string }>(`SELECT count(*) AS n FROM blob_objects WHERE key LIKE $1`, [`${sha256(plain)}%`]);
      expect(Number(left.n)).toBe(0);
      const after = await repo.totals();
      expect(after.blobs).toBeLessThan(before.blobs);
      expect(after.bytes).toBeLessThan(before.bytes);
      // A statement of reasons not yet delivered, then an appeal not yet answered, keep it; the answer frees it.
      const png = withTextChunk(await solidPng(222, 111, '#5aa'), 'parameters', SD_PARAMETERS);
      const noticed = await ingest('ret-notice', 's-1', [{ dataBase64: png.toString('base64') }]);
      const notice = async (puid: string, tdbStatus: string, parent: string | null = null) =>
        (await stack.db.query<{ id: string }>(
          `INSERT INTO notices (id, puid, "listingId", "sellerId", statement, rendered, "tdbStatus", "parentNoticeId") VALUES (gen_random_uuid(), $1, $2, 's-1', '{}', '{}', $3, $4) RETURNING id`,
          [puid, noticed.listingId, tdbStatus, parent],
        ))[0].id;
      const statement = await notice('ret-1', 'queued');
      const kept = async () => (await stack.request('GET', `/v1/scans/${noticed.scanId}`)).body.images[0].evidenceKept as boolean;
      await repo.expire(new Date(Date.now() + 86_400_000));
      expect(await kept()).toBe(true);
      await stack.db.query(`UPDATE notices SET "tdbStatus" = 'submitted', "appealedAt" = now() WHERE id = $1`, [statement]);
      await repo.expire(new Date(Date.now() + 86_400_000));
      expect(await kept()).toBe(true);
      await notice('ret-2', 'not_required', statement); // the appeal's outcome
      await repo.expire(new Date(Date.now() + 86_400_000));
      expect(await kept()).toBe(false);
      const now = await repo.totals();
      const metrics = (await stack.request('GET', '/metrics')).body as string;
      expect(metrics).toMatch(new RegExp(`^listinglens_evidence_blobs ${now.blobs}$`, 'm'));
      expect(metrics).toMatch(new RegExp(`^listinglens_evidence_bytes ${now.bytes}$`, 'm'));
    } finally {
      await prisma.$disconnect();
    }
  });
});
