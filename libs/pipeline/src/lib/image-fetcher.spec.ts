import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeHttpFetcher } from './image-fetcher';
import { parseAllowHosts, type Resolver } from './ssrf-guard';

let server: Server;
let port: number;
let served: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === '/big') res.end(Buffer.alloc(5000));
    else if (req.url === '/big-stream') {
      for (let i = 0; i < 5; i++) res.write(Buffer.alloc(1000)); // chunked: no content-length to refuse up front
      res.end();
    } else if (req.url?.startsWith('/to/')) res.writeHead(302, { location: decodeURIComponent(req.url.slice(4)) }).end();
    else if (req.url === '/hang') setTimeout(() => res.end('late'), 5000);
    else if (req.url?.startsWith('/loop')) res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/creds') res.writeHead(302, { location: `http://user:secret@localhost:${port}/ok` }).end();
    else if (req.url === '/auth') res.end(req.headers.authorization ?? 'no auth');
    else res.end('hello');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Every name resolves to loopback: no hosts file involved. */
const toLoopback: Resolver = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);

const fetcher = (allow: string[] = ['localhost']) =>
  new SafeHttpFetcher({ allowHosts: new Set(allow), timeoutMs: 500, maxBytes: 1000, maxRedirects: 2 });

describe('SafeHttpFetcher', () => {
  it('fetches from an allow-listed host', async () => {
    expect((await fetcher().fetch(`http://localhost:${port}/ok`)).toString()).toBe('hello');
  });

  it('refuses a name that resolves to loopback when it is not allow-listed', async () => {
    await expect(fetcher([]).fetch(`http://localhost:${port}/ok`)).rejects.toMatchObject({
      code: 'image.fetch_failed',
      message: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1)/),
    });
  });

  it('refuses a name that resolves to loopback, whatever the hosts file says', async () => {
    served = [];
    const fetching = new SafeHttpFetcher({ allowHosts: new Set(), timeoutMs: 500, maxBytes: 1000, maxRedirects: 2, resolve: toLoopback });
    await expect(fetching.fetch(`http://images.example:${port}/ok`)).rejects.toMatchObject({
      code: 'image.fetch_failed',
      message: 'refused: images.example resolves to 127.0.0.1, a private or reserved address',
    });
    expect(served).toEqual([]);
  });

  it('checks every redirect hop: an allow-listed origin cannot redirect to a private address', async () => {
    served = [];
    const fetching = new SafeHttpFetcher({ allowHosts: parseAllowHosts(`127.0.0.1:${port}`), timeoutMs: 500, maxBytes: 1000, maxRedirects: 2, resolve: toLoopback });
    const via = (target: string) => `http://127.0.0.1:${port}/to/${encodeURIComponent(target)}`;
    await expect(fetching.fetch(via(`http://images.example:${port}/ok`))).rejects.toMatchObject({ message: expect.stringMatching(/^refused: images\.example resolves to 127\.0\.0\.1/) });
    await expect(fetching.fetch(via(`http://localhost:${port}/ok`))).rejects.toMatchObject({ message: expect.stringMatching(/^refused: localhost resolves to/) });
    await expect(fetching.fetch(via(`http://[::ffff:127.0.0.1]:${port}/ok`))).rejects.toMatchObject({ message: 'refused: ::ffff:7f00:1 is a private or reserved address' });
    expect(served.filter((u) => u === '/ok')).toEqual([]);
    expect((await fetching.fetch(via(`http://127.0.0.1:${port}/ok`))).toString()).toBe('hello');
  });

  it('caps bytes, declared or streamed', async () => {
    await expect(fetcher().fetch(`http://localhost:${port}/big`)).rejects.toMatchObject({ code: 'image.too_large', message: '5000 bytes declared, over the limit of 1000' });
    await expect(fetcher().fetch(`http://localhost:${port}/big-stream`)).rejects.toMatchObject({ code: 'image.too_large', message: 'more than 1000 bytes' });
  });

  it('caps time and redirects, and refuses other schemes', async () => {
    await expect(fetcher().fetch(`http://localhost:${port}/hang`)).rejects.toMatchObject({ message: expect.stringMatching(/timed out/) });
    await expect(fetcher().fetch(`http://localhost:${port}/loop`)).rejects.toMatchObject({ message: 'more than 2 redirects' });
    await expect(fetcher().fetch('file:///etc/passwd')).rejects.toMatchObject({ message: expect.stringMatching(/scheme file:/) });
  });

  it('refuses a redirect that carries credentials (they would go out as Basic auth)', async () => {
    await expect(fetcher().fetch(`http://localhost:${port}/creds`)).rejects.toMatchObject({ message: expect.stringMatching(/credentials/) });
  });

  it('a host:port entry allows that port only', async () => {
    const only = (entry: string) => new SafeHttpFetcher({ allowHosts: parseAllowHosts(entry), timeoutMs: 500, maxBytes: 1000, maxRedirects: 2 });
    expect((await only(`localhost:${port}`).fetch(`http://localhost:${port}/ok`)).toString()).toBe('hello');
    expect((await only(`127.0.0.1:${port}`).fetch(`http://127.0.0.1:${port}/ok`)).toString()).toBe('hello');
    await expect(only(`localhost:${port + 1}`).fetch(`http://localhost:${port}/ok`)).rejects.toMatchObject({ message: expect.stringMatching(/resolves to/) });
    await expect(only(`127.0.0.1:${port + 1}`).fetch(`http://127.0.0.1:${port}/ok`)).rejects.toMatchObject({ message: expect.stringMatching(/private or reserved/) });
  });
});
