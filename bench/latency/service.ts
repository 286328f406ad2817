import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../test/support/processes';
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
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await deleteKeys(`${prefix}*`);
    await db.drop();
  };
  try {
    children.push(await startApp(tree, 'api', { ...common, PORT: String(port), HOST: '127.0.0.1', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY }, /api listening/));
    const worker = await startApp(tree, 'worker', common, /worker started/);
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
    return { label, workerPid: worker.pid ?? 0, post, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** `dist/apps/<app>/src/main.js` of `tree`, started as production starts it (LOG_LEVEL info, output drained). */
async function startApp(tree: string, app: 'api' | 'worker', env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(tree, `dist/apps/${app}/src/main.js`)], { cwd: tree, env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${tree} ${app} did not start in 60 s:\n${tail}`)), 60_000);
    child.stdout?.on('data', () => ready.test(tail) && (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`${tree} ${app} exited with ${code}:\n${tail}`))));
  });
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

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
