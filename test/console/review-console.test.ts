/**
 * The review console in Debian's Chromium against the real api + worker: a listing whose image is served
 * by a loopback fixture server is scanned for real (PP-OCR), and a reviewer works it in the browser.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { sha256, solidPng } from '../support/images';
import { type Stack, startStack } from '../support/stack';
import { WebhookReceiver, waitFor } from '../webhooks/webhook-receiver';
import { consoleErrors, launchChromium, loadedWidth, screenshot, signIn, storedOutsideSession, unnamedControls } from './browser';
import { ingest, POLICY, PRICE_GROUND, renderImages } from './fixtures';

let stack: Stack;
let server: FixtureServer;
let browser: Browser;
let page: Page;
let errors: string[];
/** Every request the browser made to the seller's image host (the fixture server): there must be none. */
const fixtureRequests: string[] = [];
const evidenceResponses: Array<{ url: string; status: number; body: Buffer }> = [];
let tagBytes: Buffer;
const receiver = new WebhookReceiver();
const keys: Record<string, string> = {};
let tag: { listingId: string; scan: { scanId: string; findings: Array<{ code: string; evidence: { box?: { x: number; y: number; width: number; height: number } } }> } };

beforeAll(async () => {
  const images = await renderImages();
  server = await startFixtureServer(images);
  await receiver.start();
  stack = await startStack('console', { IMAGE_FETCH_ALLOW_HOSTS: 'localhost', WEBHOOK_ALLOW_HOSTS: 'localhost', WEBHOOK_DISPATCH_INTERVAL_MS: '100' });
  const endpoint = await stack.request('POST', '/v1/webhook-endpoints', { url: receiver.url('/hooks'), events: ['review.decided', 'notice.created'] });
  receiver.expect('/hooks', [endpoint.body.secret]);
  expect((await stack.request('POST', '/v1/policies', POLICY)).status).toBe(201);
  for (const [name, scopes] of Object.entries({ ingest: ['ingest'], reviewer: ['review'], reader: ['read'], seller: ['seller:seller-tag'] })) {
    keys[name] = (await stack.request('POST', '/v1/api-keys', { name, scopes })).body.key;
  }
  tag = await ingest(stack, keys.ingest, { externalId: 'tag', sellerId: 'seller-tag', title: 'Tea set with a price tag', amount: '199.00', images: [{ url: server.url('/img/tag.png') }] });
  // After the scan the seller's server serves other bytes: the console must show the scanned ones.
  tagBytes = images['tag.png'];
  images['tag.png'] = await solidPng(800, 360, '#ffffff');
  await ingest(stack, keys.ingest, { externalId: 'coupon', sellerId: 'seller-coupon', title: 'Mug with a coupon', amount: '99', images: [{ url: server.url('/img/coupon.png') }] });
  const ai = (await renderImages())['ai.png'].toString('base64');
  await ingest(stack, keys.ingest, { externalId: 'ai-1', sellerId: 'seller-ai-1', title: 'Bowl (generated photo)', amount: '20', images: [{ dataBase64: ai }] });
  await ingest(stack, keys.ingest, { externalId: 'ai-2', sellerId: 'seller-ai-2', title: 'Same bowl, other seller', amount: '20', images: [{ dataBase64: ai }] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = consoleErrors(page);
  page.on('request', (r) => {
    if (new URL(r.url()).port === String(server.port)) fixtureRequests.push(r.url());
  });
  // The evidence the page receives, byte for byte (passed through unchanged).
  await page.route('**/evidence?*', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    evidenceResponses.push({ url: route.request().url(), status: response.status(), body });
    await route.fulfill({ response, body });
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await server?.close();
  await receiver.stop();
});

const nav = () => page.getByRole('navigation', { name: 'Console pages' });
const summary = () => page.getByTestId('queue-summary');

/** The bar for every screen: each control has an accessible name, and no console error so far. */
async function expectAccessible(screen: string, on: Page = page, logged: string[] = errors) {
  expect({ screen, unnamed: await unnamedControls(on), errors: logged }).toEqual({ screen, unnamed: [], errors: [] });
}

describe('review console', () => {
  it("shows what the key's scopes allow, and keeps the key out of the URL", async () => {
    await page.goto(`${stack.baseUrl}/console/`);
    await page.getByLabel('API key').waitFor();
    await expectAccessible('sign-in');
    await page.getByLabel('API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/unknown or revoked/);
    // Chromium logs every 4xx response as a console error; this refused key is the one expected.
    expect(errors).toEqual([expect.stringMatching(/status of 401/)]);
    errors.length = 0;
    await signIn(page, stack.baseUrl, keys.reader);
    expect(await nav().getByRole('link').allTextContents()).toEqual(['Notices', 'Appeals']);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, stack.baseUrl, keys.reviewer);
    expect(await nav().getByRole('link').allTextContents()).toEqual(['Queue', 'Overview', 'Notices', 'Appeals']);
    expect(page.url()).not.toContain(keys.reviewer);
    expect(await storedOutsideSession(page)).toEqual({ session: [keys.reviewer], elsewhere: 0 });
  });

  it('filters the queue on the server, with counts and the oldest age', async () => {
    await page.goto(`${stack.baseUrl}/console/#/queue`);
    await expect.poll(() => summary().textContent()).toMatch(/^4 items · oldest waiting \d+ s/);
    await page.getByLabel('Code').selectOption('price.mismatch');
    await expect.poll(() => summary().textContent()).toMatch(/^1 item · oldest/);
    await expect.poll(() => page.getByRole('list', { name: 'Review items' }).getByRole('listitem').count()).toBe(1);
    // The row says what the listing is: title, the price read beside the listing's, the flagged image's
    // thumbnail (the cached 480 px derivative, from our api) with its box.
    const row = page.getByRole('list', { name: 'Review items' }).getByRole('listitem').first();
    await expect.poll(() => row.locator('.title').textContent()).toBe('Tea set with a price tag');
    await expect.poll(() => row.getByTestId('row-prices').textContent()).toMatch(/^Price read 99 CNY\S* · listing price 199 CNY$/);
    const thumb = row.getByRole('img', { name: 'Flagged image of Tea set with a price tag' });
    await expect.poll(() => loadedWidth(thumb)).toBe(480);
    expect(await row.locator('.thumb .box').count()).toBeGreaterThan(0);
    expect(evidenceResponses.some((r) => r.url.includes('size=thumb') && r.status === 200)).toBe(true);
    await expectAccessible('queue');
    await screenshot(page, '1-queue');
  });

  it("claims the flagged listing on opening it and draws the finding's box where the finding is", async () => {
    await page.getByRole('button', { name: /^Claim and open price\.mismatch/ }).click();
    await expect.poll(() => page.getByTestId('lease').textContent()).toMatch(/Claimed by you until/);
    const [item] = (await stack.request('GET', '/v1/review/items?status=claimed')).body.items;
    expect(item).toMatchObject({ listingId: tag.listingId, status: 'claimed' });
    const finding = tag.scan.findings.find((f) => f.code === 'price.mismatch');
    const box = finding?.evidence.box;
    if (!box) throw new Error(`no price.mismatch box in ${JSON.stringify(tag.scan.findings)}`);
    const img = page.getByRole('img', { name: 'Listing image 1' });
    await expect.poll(() => loadedWidth(img)).toBe(800);
    const shown = await img.boundingBox();
    const drawn = await page.getByRole('img', { name: /^Box of price\.mismatch/ }).boundingBox();
    if (!shown || !drawn) throw new Error('image or box not laid out');
    const scale = shown.width / 800;
    expect(scale).toBeLessThan(1); // drawn smaller than the image's own pixels: the scaling is exercised
    for (const [got, want] of [
      [drawn.x, shown.x + box.x * scale],
      [drawn.y, shown.y + box.y * scale],
      [drawn.width, box.width * scale],
      [drawn.height, box.height * scale],
    ]) {
      expect(Math.abs(got - want)).toBeLessThan(1.5);
    }
    // The image shown is the one scanned: its bytes' sha256 is the scan's, and the page says it.
    const scanned = sha256(tagBytes);
    // (the bytes the console turned into the blob: URL it shows, as they came from the api)
    const served = () => evidenceResponses.filter((r) => r.url.includes(`/v1/scans/${tag.scan.scanId}/images/0/evidence?size=full`)).map((r) => `${r.status} ${sha256(r.body)}`);
    await expect.poll(served).toContain(`200 ${scanned}`);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    expect(await page.getByTestId('evidence-0').textContent()).toBe(`evidence kept · sha256 ${scanned}`);
    // The box covers the price's pixels: ink (far from the background's colour) inside it.
    const ink = await img.evaluate((el, b) => {
      // Runs in the page: the test's tsconfig has no DOM types, so the few used are spelled out.
      type Ctx = { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
      const image = el as unknown as { naturalWidth: number; naturalHeight: number };
      const doc = (globalThis as unknown as { document: { createElement(t: 'canvas'): { width: number; height: number; getContext(k: '2d'): Ctx | null } } }).document;
      const canvas = doc.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) return -1;
      ctx.drawImage(image, 0, 0);
      const [r0, g0, b0] = ctx.getImageData(0, 0, 1, 1).data;
      const d = ctx.getImageData(b.x, b.y, b.width, b.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 150) n++;
      return n / (d.length / 4);
    }, box);
    expect(ink).toBeGreaterThan(0.05);
    expect(fixtureRequests).toEqual([]);
    expect(server.hits('/img/tag.png')).toBe(1); // the worker's one fetch, nothing since
    await page.getByRole('button', { name: /price\.mismatch/ }).hover();
    await expect.poll(() => page.getByRole('img', { name: /^Box of price\.mismatch/ }).getAttribute('class')).toContain('active');
    await expect.poll(() => page.locator('.prices').first().textContent()).toMatch(/^Price read 99 CNY\S* · listing price 199 CNY$/);
    await expectAccessible('item');
    await screenshot(page, '2-item');
  });

  it('decides with a keyboard shortcut; the audit entry and the notice show in the history', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('c');
    await expect.poll(() => page.getByTestId('decision-effect').textContent()).toMatch(/always gets a statement of reasons/);
    await page.keyboard.type('Tag shows ¥99, listing charges ¥199. Seller asks for WeChat: shopowner88.');
    // Before sending, the panel shows what the public Transparency Database would get: the contact masked.
    const published = page.getByTestId('public-preview').locator('[data-field=incompatible_content_explanation]');
    await expect.poll(() => published.textContent(), { timeout: 10_000 }).toMatch(/Tag shows ¥99.*WeChat: sh\*\*\*/);
    expect(await published.textContent()).not.toContain('shopowner88');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/confirm: 1 notice\(s\) sent/);
    await expect.poll(() => page.getByRole('list', { name: 'Audit entries' }).textContent()).toMatch(/review\.confirm.*Tag shows ¥99/);
    await expect.poll(() => page.getByRole('list', { name: 'Notices' }).getByRole('article').count()).toBe(1);
    await expectAccessible('item, decided');
    const notices = (await stack.request('GET', `/v1/notices?listingId=${tag.listingId}`)).body.items;
    expect(notices).toHaveLength(1);
    // The ground offered first is the one of the rule that flagged the item.
    expect(notices[0].statement.incompatible_content_ground).toBe(PRICE_GROUND);
    await screenshot(page, '3-item-decided');
  });

  it("shows an appeal's reason when the seller appeals", async () => {
    const [notice] = (await stack.request('GET', `/v1/notices?listingId=${tag.listingId}`)).body.items;
    const appeal = await stack.request('POST', `/v1/notices/${notice.id}/appeal`, { reason: 'The tag is the old price; the listing was updated.' }, { authorization: `Bearer ${keys.seller}` });
    expect(appeal.status).toBe(202);
    await page.goto(`${stack.baseUrl}/console/#/queue`);
    await page.getByLabel('Appeal').selectOption('true');
    await expect.poll(() => summary().textContent()).toMatch(/^1 item/);
    await page.getByRole('button', { name: /^Claim and open/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Appeal' }).textContent()).toMatch(/old price/);
    await expectAccessible('item, appeal');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '4-appeal-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('gives the claim back when the reviewer leaves the item', async () => {
    const claimed = () => stack.request('GET', '/v1/review/items?status=claimed').then((r) => r.body.items.length);
    expect(await claimed()).toBe(1);
    await page.getByRole('button', { name: '← Queue' }).click();
    await expect.poll(claimed).toBe(0);
  });

  it('renews the claim every minute while the item is open', async () => {
    // Its own tab with the page's clock under the test's control: a minute passes without waiting one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    const logged = consoleErrors(tab);
    await tab.clock.install();
    const claims: number[] = [];
    tab.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/claim')) claims.push(r.status());
    });
    await signIn(tab, stack.baseUrl, keys.reviewer);
    await tab.goto(`${stack.baseUrl}/console/#/queue`);
    await tab.getByRole('button', { name: /^Claim and open promo\.coupon/ }).click();
    await expect.poll(() => tab.getByTestId('lease').textContent()).toMatch(/Claimed by you until/);
    const leaseUntil = async () => {
      const items = (await stack.request('GET', '/v1/review/items?status=claimed')).body.items as Array<{ leaseUntil: string }>;
      expect(items).toHaveLength(1);
      return Date.parse(items[0].leaseUntil);
    };
    const first = await leaseUntil();
    expect(claims).toEqual([200]);
    await tab.clock.runFor(59_000);
    expect(claims).toEqual([200]);
    await tab.clock.runFor(2_000);
    await expect.poll(() => claims).toEqual([200, 200]);
    expect(await leaseUntil()).toBeGreaterThan(first);
    await tab.clock.runFor(60_000);
    await expect.poll(() => claims).toEqual([200, 200, 200]);
    await tab.getByRole('button', { name: '← Queue' }).click();
    await expect.poll(() => stack.request('GET', '/v1/review/items?status=claimed').then((r) => r.body.items.length)).toBe(0);
    await context.close();
    expect(logged).toEqual([]);
  });

  it('shows image reuse side by side and the AI evidence', async () => {
    await page.getByLabel('Appeal').selectOption('');
    await page.getByLabel('Code').selectOption('image.reused');
    await expect.poll(() => summary().textContent()).toMatch(/^1 item/);
    await page.getByRole('button', { name: /^Claim and open/ }).click();
    await expect.poll(() => loadedWidth(page.getByRole('img', { name: /The same photo in listing Bowl/ }))).toBe(256);
    await expect.poll(() => loadedWidth(page.getByRole('img', { name: 'This listing\'s photo' }))).toBe(256);
    // Which hash found the copy, and how close: a reviewer weighs a crop match differently.
    await expect.poll(() => page.getByRole('group', { name: 'Same photo in other listings' }).textContent()).toMatch(/(whole-image hash|centre hash \(crop or mirror\)), \d+ bits apart/);
    await expectAccessible('item, reuse and AI evidence');
    await screenshot(page, '5-reuse-ai');
    await page.getByRole('button', { name: '← Queue' }).click();
  });

  it('decides selected items in bulk', async () => {
    await page.getByLabel('Code').selectOption('');
    await expect.poll(() => summary().textContent()).toMatch(/^4 items/);
    await page.getByRole('checkbox', { name: /promo\.coupon/ }).check();
    await page.getByRole('checkbox', { name: /on seller-ai-1$/ }).check();
    const bulk = page.getByRole('form', { name: 'Bulk decision' });
    await bulk.getByLabel('Decision').selectOption('dismiss');
    await expectAccessible('queue, bulk bar');
    await bulk.getByLabel('Note').fill('Studio photos; nothing misleading.');
    await bulk.getByRole('button', { name: 'Decide 2' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('2 decided');
    await expect.poll(() => summary().textContent()).toMatch(/^2 items/);
    const dismissed = await stack.db.query(`SELECT 1 FROM review_items WHERE status = 'decided' AND decision->>'decision' = 'dismiss'`);
    expect(dismissed).toHaveLength(2);
  });

  it('labels and unlabels selected items in bulk, with the inputs the item view asks for', async () => {
    await page.getByRole('checkbox', { name: /on seller-tag$/ }).check();
    await page.getByRole('checkbox', { name: /on seller-ai-2$/ }).check();
    const bulk = page.getByRole('form', { name: 'Bulk decision' });
    await bulk.getByLabel('Decision').selectOption('relabel');
    await expect.poll(() => bulk.textContent()).toMatch(/Applies and removes the labels you name/);
    await bulk.getByLabel('Labels to apply').fill('edited-image');
    await bulk.getByLabel('Labels to remove').fill('ai-generated-image');
    await bulk.getByLabel('Note').fill('Edited photos, disclosed; not generated.');
    await expectAccessible('queue, bulk relabel');
    await bulk.getByRole('button', { name: 'Decide 2' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('2 decided');
    await expect.poll(() => summary().textContent()).toMatch(/^0 items/);
    const relabelled = await stack.db.query<{ externalId: string; id: string }>(
      `SELECT l."externalId", l.id FROM listings l JOIN review_items r ON r."listingId" = l.id WHERE r.decision->>'decision' = 'relabel' ORDER BY l."externalId"`,
    );
    const rows = await Promise.all(relabelled.map(async (l) => ({ externalId: l.externalId, labels: (await stack.request('GET', `/v1/listings/${l.id}`)).body.labels })));
    expect(rows).toEqual([{ externalId: 'ai-2', labels: ['edited-image'] }, { externalId: 'tag', labels: ['edited-image'] }]);
  });

  it('lets an admin replay a webhook delivery from its log', async () => {
    const decided = await waitFor('review.decided delivery', () => receiver.at('/hooks').find((m) => m.body.includes('"review.decided"')));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, stack.baseUrl, 'test-admin-key-0123456789abcdef');
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: new RegExp(`^Replay review\\.decided ${decided.webhookId}`) }).click();
    await waitFor('the replayed message', () => receiver.at('/hooks').filter((m) => m.webhookId === decided.webhookId).length === 2);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/replaying/);
    await expectAccessible('webhooks');
    await screenshot(page, '6-webhooks');
  });

  it('renders the overview, notices and appeals pages, with no console error anywhere', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect.poll(() => page.locator('.tile').first().textContent()).toMatch(/\d+Open/);
    await expect.poll(() => page.locator('.per-day tbody').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}\s*5$/);
    await expectAccessible('overview');
    await screenshot(page, '7-overview');
    await page.getByRole('link', { name: 'Notices' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Notices' }).getByRole('article').count()).toBeGreaterThan(0);
    await expectAccessible('notices');
    await screenshot(page, '8-notices');
    await page.getByRole('link', { name: 'Appeals' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Appeals' }).getByRole('article').count()).toBe(1);
    await expectAccessible('appeals');
  });
  it('applies the labels a bulk confirm names, as the single confirm does', async () => {
    const ai = (await renderImages())['ai.png'].toString('base64');
    const { listingId } = await ingest(stack, keys.ingest, { externalId: 'ai-3', sellerId: 'seller-ai-3', title: 'Third bowl', amount: '20', images: [{ dataBase64: ai }] });
    await page.goto(`${stack.baseUrl}/console/#/queue`); // signed in as the admin of the tests above
    await expect.poll(() => summary().textContent()).toMatch(/^1 item/);
    await page.getByRole('checkbox', { name: /on seller-ai-3$/ }).check();
    const bulk = page.getByRole('form', { name: 'Bulk decision' });
    await bulk.getByLabel('Decision').selectOption('confirm');
    await bulk.getByLabel('Labels to apply').fill('misleading-image');
    await bulk.getByLabel('Note').fill('Generated, not disclosed.');
    await expect.poll(() => bulk.getByRole('button', { name: 'Decide 1' }).isEnabled()).toBe(true);
    await bulk.getByRole('button', { name: 'Decide 1' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('1 decided');
    expect((await stack.request('GET', `/v1/listings/${listingId}`)).body.labels).toContain('misleading-image');
  });

});
