import { createServer, type Server } from 'node:http';

export interface FixtureServer {
  port: number;
  /** URL on `localhost` (the allow-listed name in tests); 127.0.0.1 stays refused. */
  url(path: string): string;
  hits(path: string): number;
  /** Resolves once `path` was requested at least once, or after `timeoutMs` (the caller then checks hits). */
  firstHit(path: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server for image URLs: `/img/<name>` serves registered bytes, `/slow/<name>?ms=N`
 * waits first, `/redirect?to=URL` answers 302.
 */
export async function startFixtureServer(images: Record<string, Buffer>): Promise<FixtureServer> {
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    const [, kind, name] = url.pathname.split('/');
    if (kind === 'redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      return;
    }
    const bytes = name ? images[name] : undefined;
    if ((kind !== 'img' && kind !== 'slow') || !bytes) {
      res.writeHead(404).end('not found');
      return;
    }
    const send = () => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    if (kind === 'slow') setTimeout(send, Number(url.searchParams.get('ms') ?? 1000));
    else send();
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as { port: number };
  return {
    port,
    url: (path) => `http://localhost:${port}${path}`,
    hits: (path) => counts.get(path) ?? 0,
    firstHit: async (path, timeoutMs = 20_000) => {
      for (const deadline = Date.now() + timeoutMs; !counts.get(path) && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () =>
      new Promise((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}
