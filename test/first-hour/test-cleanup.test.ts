import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../support/env';
import { solidPng } from '../support/images';
import { redisKeys } from '../support/redis-keys';
import { startStack } from '../support/stack';

async function databaseExists(url: string): Promise<boolean> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('a suite leaves nothing behind', () => {
  it('stopping a stack removes its Redis keys (BullMQ, OCR cache) and its database', async () => {
    const stack = await startStack('cleanup', { OCR_ENABLED: 'false' });
    const image = (await solidPng(64, 64)).toString('base64');
    const posted = await stack.request('POST', '/v1/listings', {
      marketplace: 'm', externalId: 'cleanup-1', sellerId: 's', title: 'Bowl', price: { amount: '1.00', currency: 'USD' }, images: [{ dataBase64: image }],
    });
    expect(posted.status).toBe(202);
    await stack.waitForScan(posted.body.scanId);
    // The guarantee is only worth checking if the suite did make keys and a database.
    expect((await redisKeys(`${stack.queuePrefix}*`)).length).toBeGreaterThan(0);
    expect(await databaseExists(stack.db.url)).toBe(true);

    await stack.stop();
    expect(await redisKeys(`${stack.queuePrefix}*`)).toEqual([]);
    expect(await databaseExists(stack.db.url)).toBe(false);
  });
});
