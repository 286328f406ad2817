import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAllowHosts, type Resolver, SafeHttpFetcher } from '@listinglens/pipeline';
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

/**
 * Sockets this process asked to connect, by target (undici connects through net.connect → Socket#connect).
 * Most targets below (10/8, 169.254.169.254, NAT64, 6to4 of a non-loopback address) never reach the
 * loopback trap even when let through, so the trap alone cannot tell a refusal from a failed connection.
 */
const dialled: string[] = [];
beforeEach(() => {
  dialled.length = 0;
  const connect = Socket.prototype.connect;
  vi.spyOn(Socket.prototype, 'connect').mockImplementation(function (this: Socket, ...args: unknown[]) {
    // net.connect passes its normalised arguments as one array: [options, callback].
    const o = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { host?: string; port?: number } | undefined;
    if (o && typeof o === 'object') dialled.push(`${o.host}:${o.port}`);
    return (connect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect);
});
afterEach(() => vi.restoreAllMocks());
/** Sockets opened to anything but the allow-listed redirector. */
const dialledBeyond = (redirector: number) => dialled.filter((d) => !d.endsWith(`:${redirector}`));

describe('SSRF drill', () => {
  // Only the redirector's own port is allow-listed (a host:port entry): its redirects are judged afresh.
  const allow = () => parseAllowHosts(`127.0.0.1:${redirectorPort}`);
  const fetcher = () => new SafeHttpFetcher({ allowHosts: allow(), timeoutMs: 1000, maxBytes: 1000, maxRedirects: 3 });
  const poster = () => new SafeWebhookPoster({ allowHosts: allow(), timeoutMs: 1000 });

  it('image fetch refuses every spelling, directly and behind a redirect: the error says refused, no socket is opened', async () => {
    for (const host of hosts(trapPort)) {
      const target = `http://${host}/x.png`;
      // "localhost." does not resolve here: a failed lookup, no connection (asserted below all the same).
      const refused = host.startsWith('LOCALHOST.') ? /./ : /^refused: /;
      await expect(fetcher().fetch(target), target).rejects.toMatchObject({ code: 'image.fetch_failed', message: expect.stringMatching(refused) });
      const via = `http://127.0.0.1:${redirectorPort}/${encodeURIComponent(target)}`;
      await expect(fetcher().fetch(via), `redirect to ${target}`).rejects.toMatchObject({ code: 'image.fetch_failed', message: expect.stringMatching(refused) });
      // A name is checked inside its socket's own lookup (a socket exists, no connection is made); an
      // address literal is refused before any socket.
      expect(dialledBeyond(redirectorPort).filter((d) => !d.startsWith('localhost') && !d.startsWith('LOCALHOST')), host).toEqual([]);
    }
    expect(connections).toBe(0);
  });

  it.each([
    ['10/8', '10.1.2.3'],
    ['cloud metadata', '169.254.169.254'],
    ['NAT64 of 10.0.0.1', '[64:ff9b::a00:1]'],
    ['IPv4-mapped 10.0.0.1', '[::ffff:10.0.0.1]'],
    ['IPv4-mapped metadata', '[::ffff:a9fe:a9fe]'],
    ['6to4 of 10.0.0.1', '[2002:a00:1::1]'],
    ['6to4 of the metadata address', '[2002:a9fe:a9fe::1]'],
  ])('%s (%s), unreachable from here even if let through, is refused as such, with no socket', async (_what, host) => {
    for (const url of [`http://${host}/x.png`, `http://127.0.0.1:${redirectorPort}/${encodeURIComponent(`http://${host}/x.png`)}`]) {
      await expect(fetcher().fetch(url), url).rejects.toMatchObject({ message: expect.stringMatching(/^refused: .*private or reserved/) });
      // The poster follows no redirect: directly it is refused, via the redirector it gets the 302.
      expect((await poster().post({ url: url.replace('/x.png', '/hook'), headers: {}, body: '{}' })).kind, url).toBe(url.includes(String(redirectorPort)) ? 'response' : 'refused');
    }
    expect(dialledBeyond(redirectorPort)).toEqual([]);
  });

  it('DNS rebinding: a name that answers a public address, then a private one, is looked up once per connection and never reaches the private one', async () => {
    const answers = ['203.0.114.7', '127.0.0.1'];
    let lookups = 0;
    const resolve: Resolver = (_host, _options, callback) => {
      const address = answers[Math.min(lookups++, answers.length - 1)];
      callback(null, [{ address, family: 4 }]);
    };
    const url = `http://rebind.example:${trapPort}/x.png`;
    const rebinding = new SafeHttpFetcher({ allowHosts: new Set(), timeoutMs: 500, maxBytes: 1000, maxRedirects: 0, resolve });
    await expect(rebinding.fetch(url)).rejects.toMatchObject({ code: 'image.fetch_failed' });
    const toRebind = dialled.filter((d) => d.startsWith('rebind.example:'));
    // The address checked is the address connected to: one lookup for the one connection attempt.
    expect(toRebind).toHaveLength(1);
    expect(lookups).toBe(1);
    expect(connections).toBe(0);

    // Asked again, the name now answers the private address: refused at that lookup, still no connection.
    await expect(rebinding.fetch(url)).rejects.toMatchObject({ message: expect.stringMatching(/^refused: rebind\.example resolves to 127\.0\.0\.1/) });
    expect(lookups).toBe(2);
    expect(connections).toBe(0);
    const poster = new SafeWebhookPoster({ allowHosts: new Set(), timeoutMs: 500, resolve });
    expect((await poster.post({ url: `http://rebind.example:${trapPort}/hook`, headers: {}, body: '{}' })).kind).toBe('refused');
    expect(lookups).toBe(3);
    expect(connections).toBe(0);
  });

  it('webhook delivery refuses every spelling before connecting', async () => {
    for (const host of hosts(trapPort)) {
      const result = await poster().post({ url: `http://${host}/hook`, headers: {}, body: '{}' });
      // "localhost." does not resolve here (a failed lookup, no connection); everything else is refused.
      expect(result.kind, host).toBe(host.startsWith('LOCALHOST.') ? result.kind : 'refused');
    }
    expect(dialled.filter((d) => !/^(localhost|LOCALHOST)/.test(d))).toEqual([]);
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
