import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '@listinglens/pipeline/ssrf-guard';
import { SafeWebhookPoster } from './webhook-poster';

let server: Server;
let port: number;
let lastRequest: { method?: string; headers: IncomingMessage['headers']; body: string } | undefined;
let respond: (res: ServerResponse) => void = (res) => res.writeHead(200).end('ok');

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      lastRequest = { method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString() };
      respond(res);
    });
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((res) => server.close(res));
});

const request = (host: string) => ({ url: `http://${host}:${port}/hook`, headers: { 'webhook-id': 'msg_1' }, body: '{"a":1}' });

describe('SafeWebhookPoster', () => {
  it('refuses loopback and private addresses that are not allow-listed, before connecting', async () => {
    lastRequest = undefined;
    const poster = new SafeWebhookPoster({ allowHosts: new Set() });
    const literal = await poster.post(request('127.0.0.1'));
    expect(literal).toMatchObject({ kind: 'refused', error: expect.stringMatching(/private or reserved.*WEBHOOK_ALLOW_HOSTS/) });
    const named = await poster.post(request('localhost'));
    expect(named).toMatchObject({ kind: 'refused', error: expect.stringMatching(/refused/) });
    expect((await poster.post({ ...request('x'), url: 'http://169.254.169.254/latest' })).kind).toBe('refused');
    expect((await poster.post({ ...request('x'), url: 'file:///etc/passwd' })).kind).toBe('refused');
    expect(lastRequest).toBeUndefined();
  });

  it('refuses a name that resolves to loopback, whatever the hosts file says', async () => {
    lastRequest = undefined;
    const toLoopback: Resolver = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const poster = new SafeWebhookPoster({ allowHosts: new Set(), resolve: toLoopback });
    expect(await poster.post(request('hooks.example'))).toMatchObject({
      kind: 'refused',
      error: 'refused: hooks.example resolves to 127.0.0.1, a private or reserved address (not in WEBHOOK_ALLOW_HOSTS)',
    });
    expect(lastRequest).toBeUndefined();
  });

  it('POSTs the exact body with the given headers to an allow-listed host and reports status, excerpt and latency', async () => {
    respond = (res) => res.writeHead(202, { 'content-type': 'text/plain' }).end('accepted, thanks');
    const poster = new SafeWebhookPoster({ allowHosts: new Set(['localhost']) });
    const result = await poster.post(request('localhost'));
    expect(result).toMatchObject({ kind: 'response', status: 202, excerpt: 'accepted, thanks', retryAfterMs: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(lastRequest).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(lastRequest?.headers).toMatchObject({ 'webhook-id': 'msg_1', 'content-type': 'application/json' });
  });

  it('reports Retry-After on 429 and does not follow redirects', async () => {
    const poster = new SafeWebhookPoster({ allowHosts: new Set(['127.0.0.1']) });
    respond = (res) => res.writeHead(429, { 'retry-after': '30' }).end();
    expect(await poster.post(request('127.0.0.1'))).toMatchObject({ kind: 'response', status: 429, retryAfterMs: 30_000, excerpt: null });
    respond = (res) => res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    expect(await poster.post(request('127.0.0.1'))).toMatchObject({ kind: 'response', status: 302 });
  });

  it('keeps only the start of a huge answer', async () => {
    respond = (res) => res.writeHead(500).end('x'.repeat(500_000));
    const poster = new SafeWebhookPoster({ allowHosts: new Set(['127.0.0.1']) });
    const result = await poster.post(request('127.0.0.1'));
    expect(result).toMatchObject({ kind: 'response', status: 500 });
    expect(result.kind === 'response' && result.excerpt?.length).toBe(1_001);
  });

  it('gives up after the timeout', async () => {
    respond = (res) => setTimeout(() => res.writeHead(200).end(), 2_000);
    const poster = new SafeWebhookPoster({ allowHosts: new Set(['127.0.0.1']), timeoutMs: 200 });
    const result = await poster.post(request('127.0.0.1'));
    expect(result).toMatchObject({ kind: 'failed', error: 'timed out after 200 ms' });
    expect(result.latencyMs).toBeLessThan(1_500);
  });

  it('reports a closed port as a failure that may be retried', async () => {
    const poster = new SafeWebhookPoster({ allowHosts: new Set(['127.0.0.1']) });
    const result = await poster.post({ ...request('127.0.0.1'), url: 'http://127.0.0.1:1/hook' });
    expect(result).toMatchObject({ kind: 'failed', error: expect.stringMatching(/ECONNREFUSED/) });
  });
});
