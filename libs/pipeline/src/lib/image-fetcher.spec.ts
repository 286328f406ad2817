import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeHttpFetcher } from './image-fetcher';
import { parseAllowHosts } from './ssrf-guard';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big') res.end(Buffer.alloc(5000));
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

  it('caps bytes, time and redirects, and refuses other schemes', async () => {
    await expect(fetcher().fetch(`http://localhost:${port}/big`)).rejects.toMatchObject({ code: 'image.too_large' });
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
