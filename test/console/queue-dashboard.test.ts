import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type Stack, startStack } from '../support/stack';
import { consoleErrors, launchChromium, screenshot, signIn } from './browser';

/**
 * Issue 23: the BullMQ dashboard (bull-board at /admin/queues) in a browser. Its page, assets and API
 * calls carry no Authorization header; an admin key mints a short-lived HttpOnly, SameSite=Strict cookie
 * for that path, and changes made with the cookie must come from the dashboard's own page.
 */
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack('queue-dashboard', { OCR_ENABLED: 'false' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const key = async (name: string, scopes: string[]) => (await stack.request('POST', '/v1/api-keys', { name, scopes })).body as { id: string; key: string };
const mint = (apiKey: string) => fetch(`${stack.baseUrl}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` } });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

describe('the queue dashboard in Chromium', () => {
  it("opens from the console's Queues link: the page, its assets and API calls all answer, and it can pause and resume a queue", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, stack.baseUrl, ADMIN_KEY);
    const [board] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Queues' }).click()]);
    const refused: string[] = [];
    board.on('response', (r) => {
      if (r.status() === 401 || r.status() === 403) refused.push(`${r.status()} ${r.url()}`);
    });
    const errors = consoleErrors(board);
    await board.waitForLoadState('load');
    await board.getByText('scan', { exact: true }).first().waitFor({ timeout: 20_000 });
    await screenshot(board, 'queue-dashboard');
    expect(refused).toEqual([]);
    expect(errors.filter((e) => /401|403|Unauthorized/.test(e))).toEqual([]);

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'll_queues');
    expect(cookie).toMatchObject({ path: '/admin/queues', httpOnly: true, sameSite: 'Strict' });
    expect(cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    // Not readable by script, not sent to the console's own pages or the API.
    expect(await board.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe('');

    // A change from the dashboard's own page (same origin) goes through.
    const put = (path: string) =>
      board.evaluate(async (url) => (await fetch(url, { method: 'PUT' })).status, `${stack.baseUrl}/admin/queues/api/queues/scan/${path}`);
    expect(await put('pause')).toBeLessThan(300);
    expect(await put('resume')).toBeLessThan(300);
    await context.close();
  });

  it('the cookie does not make a change from another origin, and dies with its key or when altered', async () => {
    const admin = await key('second admin', ['admin']);
    const minted = await mint(admin.key);
    expect(minted.status).toBe(200);
    const cookie = cookieOf(minted);
    const board = (method: string, path: string, headers: Record<string, string> = {}) =>
      fetch(`${stack.baseUrl}/admin/queues${path}`, { method, headers: { cookie, ...headers } });

    expect((await board('GET', '/api/queues')).status).toBe(200);
    // A state change with the cookie but from another site's page: refused (CSRF).
    expect((await board('PUT', '/api/queues/scan/pause', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await board('PUT', '/api/queues/scan/pause', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await board('PUT', '/api/queues/scan/pause')).status).toBe(403); // no origin at all: not provably ours
    // With the admin key in a header (a script), no cookie needed and no CSRF to fear.
    expect((await fetch(`${stack.baseUrl}/admin/queues/api/queues/scan/resume`, { method: 'PUT', headers: { authorization: `Bearer ${admin.key}` } })).status).toBeLessThan(300);

    // Altered (a later expiry): the signature no longer matches.
    const [name, value] = cookie.split('=');
    const [id, expires, mac] = value.split('.');
    const forged = `${name}=${id}.${Number(expires) + 86_400_000}.${mac}`;
    expect((await fetch(`${stack.baseUrl}/admin/queues/api/queues`, { headers: { cookie: forged } })).status).toBe(401);
    // Minting needs the key itself, not a session; other keys cannot.
    expect((await fetch(`${stack.baseUrl}/admin/queues/session`, { method: 'POST', headers: { cookie } })).status).toBe(401);
    expect((await mint((await key('reviewer', ['review'])).key)).status).toBe(403);
    // Revoking the key ends its sessions.
    expect((await stack.request('DELETE', `/v1/api-keys/${admin.id}`)).status).toBeLessThan(300);
    expect((await board('GET', '/api/queues')).status).toBe(401);
  });
});
