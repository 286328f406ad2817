import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = process.cwd();
const cli = (...args: string[]) => run(process.execPath, ['dist/apps/cli/src/main.js', ...args], { cwd: root, timeout: 300_000 });
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Screenshots for a person to look at, outside the repository (never committed). */
const ARTIFACTS = process.env.TEST_ARTIFACTS_DIR ?? join(tmpdir(), 'listinglens-test-artifacts');

/**
 * Runs in the page (this project's TypeScript has no DOM types, so it is typed loosely): the SVG
 * rectangle's geometry on screen, its stroke (drawn outside it) not counted.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const SCREEN_GEOMETRY = (el: any): { x: number; y: number; width: number; height: number } => {
  const b = el.getBBox();
  const m = el.getScreenCTM();
  return { x: m.a * b.x + m.e, y: m.d * b.y + m.f, width: m.a * b.width, height: m.d * b.height };
};

interface Finding { code: string; severity: string; imagePosition: number | null; evidence: Record<string, unknown> }
interface Listing { externalId: string; images: Array<{ width: number; height: number }>; findings: Finding[] }

let browser: Browser;
let dir: string;
let json: { listings: Listing[]; summary: { listings: number; findings: number; byCode: Record<string, number> } };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'll-html-'));
  // A hostile listing next to the examples: its title and ids must stay text.
  const examples = await readFile('examples/listings.jsonl', 'utf8');
  const hostile = JSON.stringify({
    marketplace: '<b>m</b>', externalId: '"><img src=x onerror=alert(1)>', sellerId: 's', title: '<script>window.pwned=1</script>',
    price: { amount: '24.00', currency: 'USD' }, images: [{ path: resolve('examples/images/clean-product.jpg') }],
  });
  await writeFile(join(dir, 'in.jsonl'), `${examples.trim().split('\n').map((l) => l.replace(/"path":"images\//g, `"path":"${resolve('examples/images')}/`)).join('\n')}\n${hostile}\n`);
  await cli(join(dir, 'in.jsonl'), '--format', 'json', '--out', join(dir, 'report.json'), '--html', join(dir, 'report.html'));
  json = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 600_000);
afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => !r.url().startsWith('data:') && requests.push(r.url()));
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  return { page, errors, requests };
}

describe('the HTML report of examples/listings.jsonl, in Chromium', () => {
  it('shows the summary and every finding of the JSON report, with no console error and no request', async () => {
    const { page, errors, requests } = await open();
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
    const summary = await page.locator('section.summary').innerText();
    expect(summary).toContain(`${json.summary.listings} listings`);
    for (const [code, n] of Object.entries(json.summary.byCode)) expect(summary).toMatch(new RegExp(`${code.replace('.', '\\.')}\\s+${n}`));
    const articles = page.locator('article.listing');
    expect(await articles.count()).toBe(json.listings.length);
    expect(json.summary.findings).toBeGreaterThan(5);
    for (const [i, listing] of json.listings.entries()) {
      const shown = await articles.nth(i).locator('li.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect(shown).toEqual(listing.findings.map((f) => f.code));
    }
    // Chinese read from the coupon image is shown as read.
    expect(await page.locator('body').innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(join(dir, 'report.html')).href]);
    await page.close();
  });

  it("draws each boxed finding where its box is, scaled to the thumbnail", async () => {
    const { page } = await open();
    let checked = 0;
    for (const [i, listing] of json.listings.entries()) {
      for (const [j, f] of listing.findings.entries()) {
        const box = f.evidence['box'] as { x: number; y: number; width: number; height: number } | undefined;
        if (!box || f.imagePosition === null) continue;
        const figure = page.locator(`#listing-${i} figure[data-position="${f.imagePosition}"]`);
        const img = await figure.locator('img').boundingBox();
        // The rectangle's geometry on screen (its stroke, drawn outside it, not counted).
        const rect = await figure.locator(`rect[data-finding="f-${i}-${j}"]`).evaluate(SCREEN_GEOMETRY);
        const scale = img!.width / listing.images[f.imagePosition].width;
        expect(Math.abs(rect!.x - (img!.x + box.x * scale))).toBeLessThan(1.5);
        expect(Math.abs(rect!.y - (img!.y + box.y * scale))).toBeLessThan(1.5);
        expect(Math.abs(rect!.width - box.width * scale)).toBeLessThan(1.5);
        expect(Math.abs(rect!.height - box.height * scale)).toBeLessThan(1.5);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    await page.close();
  });

  it('keeps hostile input as text: a <script> title is shown, never run', async () => {
    const { page, errors } = await open();
    const last = page.locator('article.listing').last();
    expect(await last.locator('h2').innerText()).toBe('<script>window.pwned=1</script>');
    expect(await last.locator('.meta code').innerText()).toBe('"><img src=x onerror=alert(1)>');
    expect(await page.evaluate('typeof window.pwned')).toBe('undefined');
    expect(await page.locator('article script, article img[src="x"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('its Content-Security-Policy blocks the network: an image or a fetch added later loads nothing', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/beacon`;
    const { page } = await open();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'none'/);
    const violations = await page.evaluate(`(async () => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const img = document.createElement('img');
      img.src = ${JSON.stringify(url)};
      document.body.append(img);
      await fetch(${JSON.stringify(url)}).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      return seen;
    })()`);
    expect(violations).toEqual(expect.arrayContaining(['img-src', 'connect-src']));
    expect(hits).toBe(0);
    await page.close();
    await new Promise<void>((r) => server.close(() => r()));
  });
});
