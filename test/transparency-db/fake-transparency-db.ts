import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { tdbValidationErrors } from '@listinglens/contracts';

export interface ReceivedStatement {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A loopback stand-in for the DSA Transparency Database's POST /api/v1/statement: the same rules
 * (contracts' tdbStatementSchema), its answers as its API documentation gives them — 401 without the
 * token, 422 `{message, errors}` for an invalid statement or a puid it already holds (with
 * `existing`), 201 with the created statement and its uuid — and `failNext` 503s first.
 */
export class FakeTransparencyDb {
  readonly received: ReceivedStatement[] = [];
  readonly stored = new Map<string, Record<string, unknown>>();
  failNext = 0;
  private server?: Server;
  private port = 0;

  /** The token it accepts: a test changes it to play an expired token. */
  constructor(public token: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (req.method !== 'POST' || req.url !== '/api/v1/statement') return answer(404, { message: 'Not Found' });
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // an empty or broken body is validated as {} (every required field missing)
        }
        const reply = (status: number, out: unknown) => {
          this.received.push({ status, body });
          answer(status, out);
        };
        if (req.headers.authorization !== `Bearer ${this.token}`) return reply(401, { message: 'Unauthenticated.' });
        if (this.failNext > 0) {
          this.failNext--;
          return reply(503, { message: 'Service Unavailable' });
        }
        const errors = tdbValidationErrors(body);
        if (errors) {
          const first = Object.values(errors)[0]?.[0] ?? 'invalid';
          const more = Object.keys(errors).length - 1;
          return reply(422, { message: more > 0 ? `${first} (and ${more} more errors)` : first, errors });
        }
        const puid = String(body['puid']);
        const existing = this.stored.get(puid);
        if (existing) {
          const message = 'The identifier given is not unique within this platform.';
          return reply(422, { message, errors: { puid: [message] }, existing });
        }
        const uuid = randomUUID();
        const created = { ...body, uuid, created_at: new Date().toISOString(), permalink: `${this.url}/statement/${uuid}`, self: `${this.url}/api/v1/statement/${uuid}` };
        this.stored.set(puid, created);
        reply(201, created);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
