import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ApiLogController } from './request-logging';

async function linesFor(urls: string[]): Promise<Array<Record<string, unknown>>> {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const app = Fastify({ loggerInstance: pino({ level: 'info' }, sink), logController: new ApiLogController() });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/v1/thing', async () => ({ ok: true }));
  app.get('/v1/broken', async () => {
    throw new Error('boom');
  });
  for (const url of urls) await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer secret-key' } });
  await app.close();
  return lines;
}

describe('ApiLogController', () => {
  it('writes one line per answered request, with method, url, status and time', async () => {
    const lines = (await linesFor(['/v1/thing'])).filter((l) => l['req'] || l['res']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request completed', req: { method: 'GET', url: '/v1/thing' }, res: { statusCode: 200 } });
    expect(typeof lines[0]['responseTime']).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-key');
  });

  it('writes nothing for health probes', async () => {
    const lines = await linesFor(['/healthz', '/healthz']);
    expect(lines.filter((l) => l['req'] || l['res'])).toEqual([]);
  });

  it('writes the line of a 5xx answer at error level', async () => {
    const lines = (await linesFor(['/v1/broken'])).filter((l) => l['msg'] === 'request errored' || l['msg'] === 'request completed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'request errored', req: { url: '/v1/broken' }, res: { statusCode: 500 } });
  });
});
