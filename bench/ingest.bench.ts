/**
 * `npm run bench:ingest` — ingest throughput and latency of the built api on loopback, and scan time
 * per image with no detectors, each printed next to its yardstick.
 *
 * Needs PostgreSQL and Redis (DATABASE_URL's server; REDIS_URL). Uses a scratch database and queue
 * prefix of its own and removes both afterwards. No worker runs: this measures acceptance only.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import sharp from 'sharp';
import { Queue } from 'bullmq';
import { ImageLoader, SafeHttpFetcher, ScanPipeline, SharpImageDecoder } from '@listinglens/pipeline';
import { DEFAULT_SCANNER_OPTIONS } from '@listinglens/scanner';
import { createScratchDatabase } from './support/scratch-database';

const ADMIN_KEY = 'bench-admin-key-0123456789';
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('ingest');
  const dbUrl = scratch.url;
  const prefix = `llbench-${randomBytes(3).toString('hex')}`;
  const port = 3900 + Math.floor(Math.random() * 90);
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, DATABASE_URL: dbUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '16' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    console.log(`ingest on loopback: ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each phase, api = 1 process`);
    await load(port, 2000, 'warm-up', 1);
    const single = await load(port, DURATION_MS, 'POST /v1/listings', 1);
    const small = await load(port, DURATION_MS, 'POST /v1/listings/batch (10 per request)', 10);
    const batch = await load(port, DURATION_MS, 'POST /v1/listings/batch (100 per request)', 100);
    console.log('\n| mode | listings/s | p50 ms | p99 ms | target |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const r of [single, small, batch]) {
      console.log(`| ${r.label} | ${r.rate.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ≥ 2000/s, p99 < 25 ms (per request) |`);
    }
  } finally {
    api.kill('SIGTERM');
    const queue = new Queue('scan', { connection: { url: redisUrl }, prefix });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await new Promise((r) => setTimeout(r, 500));
    await scratch.drop();
  }
  await scanPerImage();
}

interface LoadResult { label: string; rate: number; p50: number; p99: number }

/** perRequest = 1 posts to /v1/listings; more posts that many listings per /v1/listings/batch request. */
async function load(port: number, durationMs: number, label: string, perRequest: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let accepted = 0;
  let failures = 0;
  let seq = 0;
  const run = randomBytes(3).toString('hex');
  const listing = () => ({
    marketplace: 'bench',
    externalId: `${run}-${seq++}`,
    sellerId: `seller-${seq % 1000}`,
    title: 'Ceramic bowl, blue, 18 cm',
    price: { amount: '24.90', currency: 'EUR' },
    images: [{ url: `https://cdn.example.com/img/${seq}.jpg` }],
  });
  const end = Date.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const body = perRequest === 1 ? listing() : { listings: Array.from({ length: perRequest }, listing) };
        const t0 = performance.now();
        const status = await post(agent, port, perRequest === 1 ? '/v1/listings' : '/v1/listings/batch', JSON.stringify(body));
        latencies.push(performance.now() - t0);
        if (status === 202) accepted += perRequest;
        else failures++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const result = { label, rate: accepted / elapsed, p50: pct(0.5), p99: pct(0.99) };
  if (label !== 'warm-up') console.log(`  ${label}: ${accepted} accepted, ${failures} failed in ${elapsed.toFixed(1)} s`);
  return result;
}

function post(agent: Agent, port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Scan time per image with no detectors (load + sniff + sha256 + decode + pHash), against the
 * yardstick of sharp alone decoding the same image to a thumbnail. */
async function scanPerImage(): Promise<void> {
  const images = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 100 + i, sigma: 30 } } }).jpeg({ quality: 85 }).toBuffer(),
    ),
  );
  const opts = DEFAULT_SCANNER_OPTIONS;
  // The spine alone: the same loader and decoder the scanner uses, with no detectors and no OCR.
  const pipeline = new ScanPipeline({
    loader: new ImageLoader(new SafeHttpFetcher({ allowHosts: opts.allowHosts, timeoutMs: opts.fetchTimeoutMs, maxBytes: opts.maxImageBytes, maxRedirects: 3 }), opts.maxImageBytes),
    decoder: new SharpImageDecoder({ maxPixels: opts.maxImagePixels }),
    detectors: [],
  });
  const listing = { marketplace: 'bench', externalId: 'x', sellerId: 's', title: 't', price: { amount: '1', currency: 'USD' } };
  await pipeline.scan(listing, images.slice(0, 4).map((bytes) => ({ kind: 'inline' as const, bytes })));
  let t0 = performance.now();
  for (const bytes of images) await pipeline.scan(listing, [{ kind: 'inline', bytes }]);
  const ours = (performance.now() - t0) / images.length;
  t0 = performance.now();
  for (const bytes of images) await sharp(bytes).greyscale().resize(32, 32, { fit: 'fill' }).raw().toBuffer();
  const yardstick = (performance.now() - t0) / images.length;
  console.log('\n| scan, no detectors (1000×1000 JPEG, one at a time) | ms/image |');
  console.log('| --- | --- |');
  console.log(`| ListingLens pipeline (sha256, sniff, header check, decode, pHash) | ${ours.toFixed(1)} |`);
  console.log(`| yardstick: sharp decode to 32×32 alone | ${yardstick.toFixed(1)} |`);
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
