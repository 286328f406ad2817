import { createTestDatabase, type TestDatabase } from './database';
import { REDIS_URL, testQueuePrefix } from './env';
import { freePort, type RunningProcess, startApp } from './processes';
import { deleteRedisKeys } from './redis-keys';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

/** A JSON response body: tests assert on its shape rather than trust a declared type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

export interface Stack {
  db: TestDatabase;
  baseUrl: string;
  /** BullMQ and OCR-cache key prefix of this stack; its keys are deleted by stop(). */
  queuePrefix: string;
  api: RunningProcess;
  workers: RunningProcess[];
  workerEnv: Record<string, string>;
  startWorker(extra?: Record<string, string>): Promise<RunningProcess>;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: JsonBody }>;
  waitForScan(scanId: string, statuses?: string[], timeoutMs?: number): Promise<JsonBody>;
  stop(): Promise<void>;
}

/** api + worker processes on a database and queue prefix of this suite's own. */
export async function startStack(label: string, workerEnv: Record<string, string> = {}, workers = 1): Promise<Stack> {
  const db = await createTestDatabase(label);
  const port = await freePort();
  const queuePrefix = testQueuePrefix(label);
  const common = { DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: queuePrefix };
  // The api checks webhook URLs at registration with the worker's allow-list.
  const apiEnv = { ...common, PORT: String(port), HOST: '127.0.0.1', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, WEBHOOK_ALLOW_HOSTS: workerEnv.WEBHOOK_ALLOW_HOSTS ?? '' };
  const api = await startApp('api', apiEnv, /api listening/);
  const env = { ...common, OCR_POOL_SIZE: '1', ...workerEnv };
  const running: RunningProcess[] = [];
  const startWorker = async (extra: Record<string, string> = {}) => {
    const w = await startApp('worker', { ...env, ...extra }, /worker started/);
    running.push(w);
    return w;
  };
  for (let i = 0; i < workers; i++) await startWorker();
  const baseUrl = `http://127.0.0.1:${port}`;

  const request: Stack['request'] = async (method, path, body, headers = {}) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  };

  const waitForScan: Stack['waitForScan'] = async (scanId, statuses = ['completed', 'failed'], timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      const res = await request('GET', `/v1/scans/${scanId}`);
      last = res.body;
      if (res.status === 200 && statuses.includes(res.body.status)) return res.body;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`scan ${scanId} not in ${statuses.join('/')} after ${timeoutMs} ms: ${JSON.stringify(last)}`);
  };

  return {
    db,
    baseUrl,
    queuePrefix,
    api,
    workers: running,
    workerEnv: env,
    startWorker,
    request,
    waitForScan,
    stop: async () => {
      await Promise.all([api.stop(), ...running.map((w) => w.stop())]);
      await Promise.all([db.drop(), deleteRedisKeys(`${queuePrefix}*`)]);
    },
  };
}
