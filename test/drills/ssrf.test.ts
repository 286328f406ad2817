import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowHosts, SafeHttpFetcher } from '@listinglens/pipeline';
import { SafeWebhookPoster } from '@listinglens/webhooks';
import { WebhookUrlPolicy } from '../../apps/api/src/webhooks/webhook-url-policy';

/**
 * SSRF drill (issue 10): every spelling of a loopback/private/reserved target, directly and behind a
 * redirect, for image fetching, webhook registration and webhook delivery. A listener on the loopback
 * port counts connections: the drill passes only if it saw none.
 */
let trap: Server;
let trapPort: number;
let connections = 0;
let redirector: HttpServer;
let redirectorPort: number;

beforeAll(async () => {
  trap = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  // '::' with dual stack: 127.0.0.1, ::1, ::ffff:127.0.0.1 and 0.0.0.0 all land here.
  await new Promise<void>((r) => trap.listen({ port: 0, host: '::', ipv6Only: false }, r));
  trapPort = (trap.address() as { port: number }).port;
  redirector = createHttpServer((req, res) => res.writeHead(302, { location: decodeURIComponent((req.url ?? '/').slice(1)) }).end());
  await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
  redirectorPort = (redirector.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((r) => trap.close(r));
  redirector.closeAllConnections();
  await new Promise((r) => redirector.close(r));
});

const hosts = (p: number) => [
  `127.0.0.1:${p}`, `127.1:${p}`, `127.000.000.001:${p}`, `2130706433:${p}`, `0x7f000001:${p}`, `0x7f.0.0.1:${p}`, `0177.0.0.1:${p}`,
  `0:${p}`, `0.0.0.0:${p}`, `localhost:${p}`, `LOCALHOST.:${p}`, `[::1]:${p}`, `[::]:${p}`, `[0:0:0:0:0:0:0:1]:${p}`,
  `[::ffff:127.0.0.1]:${p}`, `[::ffff:7f00:1]:${p}`, `[::ffff:0:7f00:1]:${p}`, `[::ffff:0:127.0.0.1]:${p}`,
  `[64:ff9b::7f00:1]:${p}`, `[64:ff9b::127.0.0.1]:${p}`, `[::7f00:1]:${p}`, `[::127.0.0.1]:${p}`,
  `[2002:7f00:1::]:${p}`, `[2002:a00:1::1]:${p}`, `[fec0::1]:${p}`, `[fe80::1]:${p}`, `[fc00::1]:${p}`,
  `10.0.0.1:${p}`, `172.16.0.1:${p}`, `192.168.0.1:${p}`, `100.64.0.1:${p}`, `169.254.169.254:${p}`, `[fd00:ec2::254]:${p}`,
];

describe('SSRF drill', () => {
  // Only the redirector's own port is allow-listed (a host:port entry): its redirects are judged afresh.
  const allow = () => parseAllowHosts(`127.0.0.1:${redirectorPort}`);
  const fetcher = () => new SafeHttpFetcher({ allowHosts: allow(), timeoutMs: 1000, maxBytes: 1000, maxRedirects: 3 });
  const poster = () => new SafeWebhookPoster({ allowHosts: allow(), timeoutMs: 1000 });

  it('image fetch refuses every spelling, directly and behind a redirect', async () => {
    for (const host of hosts(trapPort)) {
      const target = `http://${host}/x.png`;
      await expect(fetcher().fetch(target), target).rejects.toMatchObject({ code: 'image.fetch_failed' });
      const via = `http://127.0.0.1:${redirectorPort}/${encodeURIComponent(target)}`;
      await expect(fetcher().fetch(via), `redirect to ${target}`).rejects.toMatchObject({ code: 'image.fetch_failed' });
    }
    expect(connections).toBe(0);
  });

  it('webhook delivery refuses every spelling before connecting', async () => {
    for (const host of hosts(trapPort)) {
      const result = await poster().post({ url: `http://${host}/hook`, headers: {}, body: '{}' });
      // "localhost." does not resolve here (a failed lookup, no connection); everything else is refused.
      expect(result.kind, host).toBe(host.startsWith('LOCALHOST.') ? result.kind : 'refused');
    }
    expect(connections).toBe(0);
  });

  it('webhook registration refuses every spelling with a message naming the field', async () => {
    const policy = new WebhookUrlPolicy(parseAllowHosts(''));
    // A name that does not resolve at registration is accepted by design (delivery checks again).
    for (const host of hosts(trapPort).filter((h) => !h.startsWith('LOCALHOST.'))) {
      await expect(policy.assertDeliverable(`http://${host}/hook`), host).rejects.toMatchObject({ fields: [{ field: 'url', message: expect.stringMatching(/private or reserved/) }] });
    }
    expect(connections).toBe(0);
  });

  it('the trap is reachable when allow-listed (the drill would see a connection)', async () => {
    await fetcher().fetch(`http://127.0.0.1:${trapPort}/x`).catch(() => undefined);
    expect(connections).toBe(0);
    await new SafeHttpFetcher({ allowHosts: parseAllowHosts(`127.0.0.1:${trapPort}`), timeoutMs: 1000, maxBytes: 10, maxRedirects: 0 }).fetch(`http://127.0.0.1:${trapPort}/x`).catch(() => undefined);
    expect(connections).toBe(1);
  });
});
