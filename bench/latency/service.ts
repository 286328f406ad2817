import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort, type RunningProcess, startApp } from '../../test/support/processes';
import { createScratchDatabase } from '../support/scratch-database';

const ADMIN_KEY = 'bench-admin-key-0123456789';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One built checkout running as the service does: an api process and a worker process on a scratch
 * database and queue prefix of their own, every other setting at its default. */
export interface Service {
  label: string;
  /** The worker's process id: its OCR (and pixel-statistics) processes are its descendants. */
  workerPid: number;
  post(path: string, body: unknown): Promise<{ status: number; body: { scanId?: string } }>;
  stop(): Promise<void>;
}

export async function startService(label: string, tree: string, webhookUrl: string): Promise<Service> {
  const db = await createScratchDatabase(`latency_${label}`, tree);
  const prefix = `llbench-${label}-${randomBytes(3).toString('hex')}`;
  const port = await freePort();
  const common = {
    DATABASE_URL: db.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    WEBHOOK_ALLOW_HOSTS: 'localhost',
    IMAGE_FETCH_ALLOW_HOSTS: 'localhost',
    WEBHOOK_SECRET_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  };
  const children: RunningProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((c) => c.stop()));
    await deleteKeys(`${prefix}*`);
    await db.drop();
  };
  // Started as production starts it (LOG_LEVEL info), from `tree`'s own build.
  const start = { cwd: tree, startTimeoutMs: 60_000 };
  try {
    children.push(await startApp('api', { ...common, PORT: String(port), HOST: '127.0.0.1', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY }, /api listening/, start));
    const worker = await startApp('worker', common, /worker started/, start);
    children.push(worker);
    const post: Service['post'] = async (path, body) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as { scanId?: string } };
    };
    const hook = await post('/v1/webhook-endpoints', { url: webhookUrl, events: ['scan.completed'] });
    if (hook.status !== 201) throw new Error(`${label}: webhook endpoint not registered: ${JSON.stringify(hook.body)}`);
    return { label, workerPid: worker.child.pid ?? 0, post, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// Not test/support/redis-keys: it reads the tests' TEST_REDIS_URL through tools/test-services.mjs, which
// the built bench cannot load; the service here uses REDIS_URL.
async function deleteKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
