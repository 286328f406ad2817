import { createServer, type Server } from 'node:http';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGuardedDispatcher } from './guarded-dispatcher';
import { AddressRefusedError, findAddressRefusal, parseAllowHosts, type Resolver } from './ssrf-guard';

let server: Server;
let port: number;
let connections = 0;

beforeAll(async () => {
  server = createServer((_req, res) => res.end('hello'));
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  connections = 0;
});

/** Every name resolves to loopback: no hosts file involved. */
const toLoopback: Resolver = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
const dispatcher = (allow = '') => createGuardedDispatcher({ allowHosts: parseAllowHosts(allow), connectTimeoutMs: 1000, resolve: toLoopback });
const refusalOf = (promise: Promise<unknown>) => promise.then(() => null, (err: unknown) => findAddressRefusal(err));

describe('createGuardedDispatcher', () => {
  it('refuses a name that resolves to loopback, with an AddressRefusedError, before connecting', async () => {
    const refusal = await refusalOf(request(`http://rebind.example:${port}/`, { dispatcher: dispatcher() }));
    expect(refusal).toBeInstanceOf(AddressRefusedError);
    expect(refusal?.message).toBe('refused: rebind.example resolves to 127.0.0.1, a private or reserved address');
    expect(connections).toBe(0);
  });

  it('refuses private IP literals, which get no lookup', async () => {
    for (const host of ['127.0.0.1', '[::ffff:7f00:1]', '[::1]']) {
      const refusal = await refusalOf(request(`http://${host}:${port}/`, { dispatcher: dispatcher() }));
      expect(refusal, host).toBeInstanceOf(AddressRefusedError);
      expect(refusal?.message, host).toMatch(/is a private or reserved address$/);
    }
    expect(connections).toBe(0);
  });

  it('connects to an allow-listed origin and reuses that connection for that origin only', async () => {
    const pooled = dispatcher(`127.0.0.1:${port}`);
    for (let i = 0; i < 3; i++) {
      const res = await request(`http://127.0.0.1:${port}/`, { dispatcher: pooled });
      expect(await res.body.text()).toBe('hello');
      await new Promise((r) => setTimeout(r, 20)); // undici hands an idle socket back a tick after the body ends
    }
    expect(connections).toBe(1);
    // Same server, another origin: its own pool, its own check.
    expect(await refusalOf(request(`http://rebind.example:${port}/`, { dispatcher: pooled }))).toBeInstanceOf(AddressRefusedError);
    expect(connections).toBe(1);
  });
});
