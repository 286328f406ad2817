import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  path: string;
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
  /** Which of the path's secrets verified the signature (by index); empty means none did. */
  verifiedBy: number[];
  receivedAt: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** How a path answers its n-th request (0-based). */
export type Responder = (n: number, message: ReceivedWebhook) => Reply;

/**
 * A real loopback webhook receiver: every request is checked with the standardwebhooks package
 * against the secrets registered for its path, recorded, and answered as the test says.
 * `stop()` then `start()` brings it down and back up on the same port.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string[]>();
  private readonly responders = new Map<string, Responder>();
  private server?: Server;
  private port = 0;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const body = Buffer.concat(chunks).toString('utf8');
        const message: ReceivedWebhook = {
          path,
          webhookId: header(req.headers, 'webhook-id'),
          timestamp: header(req.headers, 'webhook-timestamp'),
          signature: header(req.headers, 'webhook-signature'),
          body,
          verifiedBy: this.verify(path, body, req.headers),
          receivedAt: Date.now(),
        };
        const n = this.received.filter((m) => m.path === path).length;
        this.received.push(message);
        const responder: Responder = this.responders.get(path) ?? (() => ({ status: 204 }));
        const reply = responder(n, message);
        res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** On `localhost`, the allow-listed name in these tests; `privateUrl` uses 127.0.0.1, which stays refused. */
  url(path: string): string {
    return `http://localhost:${this.port}${path}`;
  }

  privateUrl(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  expect(path: string, secrets: string[], responder?: Responder): void {
    this.secrets.set(path, secrets);
    if (responder) this.responders.set(path, responder);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((m) => m.path === path);
  }

  private verify(path: string, body: string, headers: IncomingHttpHeaders): number[] {
    const flat = {
      'webhook-id': header(headers, 'webhook-id'),
      'webhook-timestamp': header(headers, 'webhook-timestamp'),
      'webhook-signature': header(headers, 'webhook-signature'),
    };
    return (this.secrets.get(path) ?? []).flatMap((secret, index) => {
      try {
        new Webhook(secret).verify(body, flat);
        return [index];
      } catch {
        return [];
      }
    });
  }
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/** Polls until `check` returns a value (not undefined/false), or fails with what it last saw. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
