import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '@listinglens/contracts';
import { ADMIN_KEY, type JsonBody, type Stack, startStack } from '../support/stack';

/** Issue 10 defect 11: every error a client can provoke comes in the api's one error shape. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack('errshape', {}, 0);
});
afterAll(async () => {
  await stack?.stop();
});

/** Raw HTTP, so oversized headers reach the server as sent (fetch would refuse some of them). */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: JsonBody }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${stack.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${ADMIN_KEY}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('error shapes', () => {
  it('431: headers over the limit', async () => {
    const res = await raw('GET', '/v1/review/items', { 'x-padding': 'a'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(errorBodySchema.parse(res.body).error.code).toBe('headers_too_large');
  });

  it('414: a path parameter over the length limit', async () => {
    const res = await raw('GET', `/v1/scans/${'a'.repeat(600)}`);
    expect(res.status).toBe(414);
    expect(errorBodySchema.parse(res.body).error.code).toBe('uri_too_long');
  });

  it('405 with Allow: PUT on a POST route; 404 stays for a path that does not exist', async () => {
    const res = await raw('PUT', '/v1/listings');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(errorBodySchema.parse(res.body).error.code).toBe('method_not_allowed');
    expect((await raw('PUT', '/v1/nothing-here')).status).toBe(404);
  });

  it('an invalid review cursor is a 400 naming the field, not page 1', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('{"r":"x"}').toString('base64url')]) {
      const res = await stack.request('GET', `/v1/review/items?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
    }
  });
});
