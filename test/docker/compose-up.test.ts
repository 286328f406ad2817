import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { scanViewSchema } from '@listinglens/contracts';
import { freePort } from '../support/processes';

/**
 * The README's container path, for real: `docker compose up --build` (Compose v2, or v1's docker-compose
 * 1.29 where that is what the machine has), both healthchecks, the README's listing and its findings,
 * `down` keeping the volumes and a second `up` finding the data. Skipped, saying why, where there is no
 * docker engine, no Compose, or no base images (no registry here: tools/build-base-images.sh makes them).
 * Its own project name, host port and keys, so it never touches a stack a person has running.
 */
const project = 'listinglens-docker-test';
const bases = ['node:20-bookworm-slim', 'postgres:15', 'redis:7'];

const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;
const compose: string[] | null = ok('docker', ['compose', 'version'])
  ? ['docker', 'compose']
  : ok('docker-compose', ['version'])
    ? ['docker-compose']
    : null;

function whyNot(): string | null {
  if (process.env.LL_SKIP_DOCKER) return 'LL_SKIP_DOCKER is set';
  if (!ok('docker', ['info'])) return 'no docker engine answers (`docker info` failed): start dockerd';
  if (!compose) return 'neither `docker compose` (v2) nor `docker-compose` (v1) is installed';
  const missing = bases.filter((image) => !ok('docker', ['image', 'inspect', image]));
  if (missing.length) return `base images missing (${missing.join(', ')}): run tools/build-base-images.sh where no registry is reachable`;
  return null;
}
const skipReason = whyNot();

const admin = randomBytes(24).toString('hex');
let port = 0;
let env: NodeJS.ProcessEnv = {};

function run(args: string[], timeoutMs = 120_000): string {
  const [cmd, ...pre] = compose ?? [];
  return execFileSync(cmd, [...pre, '-p', project, ...args], { env, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function health(service: string): string {
  const id = run(['ps', '-q', service]).trim();
  if (!id) return 'absent';
  return execFileSync('docker', ['inspect', '-f', '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}', id], { encoding: 'utf8' }).trim();
}

async function bothHealthy(timeoutMs: number): Promise<void> {
  await until('api and worker healthchecks', timeoutMs, () => (health('api') === 'healthy' && health('worker') === 'healthy' ? true : undefined));
}

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> & { scanId: string; status: string } }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { scanId: string; status: string } };
}

async function finishedScan(scanId: string) {
  return until(`scan ${scanId} to finish`, 120_000, async () => {
    const { body } = await api('GET', `/v1/scans/${scanId}`);
    return body.status === 'completed' || body.status === 'failed' ? scanViewSchema.parse(body) : undefined;
  });
}

afterAll(() => {
  if (skipReason) return;
  // Everything this test made, volumes included; the image and its layer cache stay for the next run.
  try {
    run(['down', '-v', '--remove-orphans'], 180_000);
  } catch (err) {
    console.error('docker test: down -v failed:', (err as Error).message);
  }
});

describe('docker compose quick start, for real', () => {
  it('builds, passes both healthchecks, scans the README listing, and keeps its data across down/up', async (ctx) => {
    if (skipReason) {
      console.warn(`docker test skipped: ${skipReason}`);
      ctx.skip(skipReason);
      return;
    }
    port = await freePort();
    env = {
      ...process.env,
      BOOTSTRAP_ADMIN_KEY: admin,
      WEBHOOK_SECRET_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      API_PORT: String(port),
    };
    // npm ci inside the build goes through this machine's TLS proxy: hand the build the certificates
    // Node trusts here (a docker build sees only its context, hence the copy into it).
    if (process.env.NODE_EXTRA_CA_CERTS) {
      mkdirSync('tmp', { recursive: true });
      copyFileSync(process.env.NODE_EXTRA_CA_CERTS, 'tmp/docker-extra-ca.pem');
      env.EXTRA_CA_CERTS = 'tmp/docker-extra-ca.pem';
    }
    run(['down', '-v', '--remove-orphans']); // leftovers of an interrupted run

    // `up --build`, detached (the README's runs in the foreground); cold it takes minutes, warm seconds.
    const started = Date.now();
    run(['up', '--build', '-d'], 20 * 60_000);
    await bothHealthy(5 * 60_000);
    console.log(`docker test: up --build to both healthy in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const image = readFileSync('examples/images/ai-product.png').toString('base64');
    const posted = await api('POST', '/v1/listings', {
      marketplace: 'demo',
      externalId: 'sku-1',
      sellerId: 's1',
      title: 'Blue ceramic bowl',
      price: { amount: '24.00', currency: 'USD' },
      images: [{ dataBase64: image }],
    });
    expect(posted.status).toBe(202);
    const scan = await finishedScan(posted.body.scanId);
    expect(scan.status).toBe('completed');
    expect(scan.images).toEqual([expect.objectContaining({ position: 0, format: 'png', error: null })]);
    const codes = scan.findings.map((f) => f.code).sort();
    expect(codes).toEqual(expect.arrayContaining(['ai.provenance', 'ai.undisclosed']));

    // `down` keeps the named volumes; a second `up` (no build) finds the scan in PostgreSQL.
    run(['down'], 180_000);
    const volumes = execFileSync('docker', ['volume', 'ls', '-q', '--filter', `name=${project}`], { encoding: 'utf8' });
    expect(volumes).toMatch(/pgdata/);
    expect(volumes).toMatch(/redisdata/);
    const restarted = Date.now();
    run(['up', '-d'], 5 * 60_000);
    await bothHealthy(5 * 60_000);
    console.log(`docker test: second up to both healthy in ${((Date.now() - restarted) / 1000).toFixed(0)} s`);
    const again = await api('GET', `/v1/scans/${posted.body.scanId}`);
    expect(again.status).toBe(200);
    expect(scanViewSchema.parse(again.body).findings.map((f) => f.code).sort()).toEqual(codes);
  }, 40 * 60_000);
});
