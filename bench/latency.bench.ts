/**
 * `npm run bench:latency`: the time from ingest (`POST /v1/listings`) to the `scan.completed` webhook, for
 * 1-image and 10-image listings, on an idle worker and on a loaded one (another 10-image listing ingested
 * 0.5 s before the measured one, into the same worker: WORKER_CONCURRENCY is 2), p50 and p95; then the peak
 * RSS of the worker's process tree (the worker and its OCR processes) while it scans the hostile-image
 * drill's set (first, on the freshly started worker), and over the whole run.
 *
 * The real path: the built api and worker (`dist/`) as separate processes with their default settings
 * (OCR pool = the cores, WORKER_CONCURRENCY 2, LOG_LEVEL info), a scratch database and queue prefix each,
 * images fetched by URL from a loopback server in this process, which also receives the webhooks.
 * Before/after: LATENCY_BEFORE=<another built checkout> (e.g. `git worktree add /tmp/before 792676a`,
 * node_modules linked, `node tools/prisma.mjs generate && node tools/build.mjs` there) runs its api and
 * worker beside these, and the measured listings alternate between the two, same images in the same order.
 * Each image URL serves the corpus bytes plus a unique tail, so no scan hits an OCR cache.
 * A figure to read, not a test: noisy while other work shares the machine (the load average is printed).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { hostileImages } from '../test/drills/support/hostile-images';
import { startService, type Service } from './latency/service';
import { findCorpusDir, loadCorpus } from './ocr/ocr-corpus';
import { pidTreeRssMb } from './ocr/process-tree';

// Small counts (p95 of 4 is their maximum): a loaded 10-image pair takes ~100 s on a busy 2-core machine.
const N = { oneIdle: 6, oneLoaded: 3, tenIdle: 4, tenLoaded: 2 };
const scale = Number(process.env.LATENCY_SCALE ?? 1);

let corpus: Buffer[] = [];
let hostile: Buffer[] = [];
const waiting = new Map<string, (at: number) => void>();

/** Loopback server: `/img/<n>/<i>` is corpus image i with the unique tail n, `/hostile/<i>` a drill image,
 * `POST /hook` a webhook (resolves whoever waits for the event's externalId). */
async function startLoopback(): Promise<number> {
  const server = createServer((req, res) => {
    const [, kind, a, b] = (req.url ?? '').split('/');
    if (kind === 'hook') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const { data } = JSON.parse(Buffer.concat(chunks).toString()) as { data: { externalId: string } };
        waiting.get(data.externalId)?.(at);
        res.writeHead(204).end();
      });
      return;
    }
    const bytes = kind === 'img' ? Buffer.concat([corpus[Number(b)], Buffer.from(`llbench-${a}`)]) : kind === 'hostile' ? hostile[Number(a)] : undefined;
    if (!bytes) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  return (server.address() as { port: number }).port;
}

let port = 0;
let unique = 0;

/** Ingests a listing of these image URLs; resolves with the seconds until its scan.completed arrived. */
async function ingest(service: Service, externalId: string, urls: string[]): Promise<() => Promise<number>> {
  const started = performance.now();
  const done = new Promise<number>((resolve) => waiting.set(externalId, resolve));
  const images = urls.map((url) => ({ url }));
  const res = await service.post('/v1/listings', { marketplace: 'bench', externalId, sellerId: 's', title: 'bench', price: { amount: '9.99', currency: 'EUR' }, images });
  if (res.status !== 202) throw new Error(`${service.label} ${externalId}: ${res.status} ${JSON.stringify(res.body)}`);
  return async () => ((await done) - started) / 1000;
}

/** `size` corpus images from `offset`, each with a fresh tail. */
const corpusUrls = (offset: number, size: number) =>
  Array.from({ length: size }, (_, j) => `http://localhost:${port}/img/${++unique}/${(offset + j) % corpus.length}`);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const load = () => loadavg()[0].toFixed(1);

async function phase(services: Service[], name: string, size: number, count: number, loaded: boolean): Promise<Map<string, number[]>> {
  const seconds = new Map(services.map((s) => [s.label, [] as number[]]));
  const loadBefore = load();
  for (let i = 0; i < count; i++) {
    // Alternate which build goes first; both scan the same corpus images for listing i.
    for (const service of i % 2 ? [...services].reverse() : services) {
      const id = `${service.label}-${name}-${i}`.replace(/\W+/g, '-');
      const background = loaded ? await ingest(service, `${id}-load`, corpusUrls(15 + i * 10, 10)) : undefined;
      if (background) await new Promise((r) => setTimeout(r, 500));
      const measured = await ingest(service, id, corpusUrls(i * size, size));
      seconds.get(service.label)?.push(await measured());
      await background?.();
    }
  }
  for (const [label, xs] of seconds) {
    console.log(
      `${name.padEnd(18)} ${label.padEnd(7)} n=${String(count).padStart(2)}  p50 ${pct(xs, 50).toFixed(2).padStart(6)} s  p95 ${pct(xs, 95).toFixed(2).padStart(6)} s  (${xs.map((s) => s.toFixed(1)).join(' ')})`,
    );
  }
  console.log(`${''.padEnd(18)} load average ${loadBefore} → ${load()}`);
  return seconds;
}

/** Every drill image as a 1-image listing, all ingested at once; the worker tree's peak RSS meanwhile. */
async function hostileRss(service: Service): Promise<void> {
  const baseline = pidTreeRssMb(service.workerPid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, pidTreeRssMb(service.workerPid))), 50);
  const started = performance.now();
  const pending = await Promise.all(hostile.map((_, i) => ingest(service, `${service.label}-hostile-${i}`, [`http://localhost:${port}/hostile/${i}`])));
  await Promise.all(pending.map((p) => p()));
  clearInterval(sampler);
  console.log(
    `hostile drill  ${service.label.padEnd(7)} ${hostile.length} images, one listing each, all ingested at once: worker + OCR processes peak RSS ${peak} MB (${baseline} MB before), ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  const dir = findCorpusDir(process.cwd());
  if (!dir) return console.log('bench:latency skipped: no OCR corpus (set OCR_CORPUS_DIR or put it at ../shared/corpus/ocr)');
  corpus = loadCorpus(dir).map((c) => readFileSync(c.path));
  hostile = (await hostileImages()).map((h) => h.bytes);
  port = await startLoopback();
  const trees = [{ label: 'now', tree: process.cwd() }, ...(process.env.LATENCY_BEFORE ? [{ label: 'before', tree: process.env.LATENCY_BEFORE }] : [])];
  const services: Service[] = [];
  try {
    for (const t of trees) services.push(await startService(t.label, t.tree, `http://localhost:${port}/hook`));
    console.log(`bench:latency: ingest → scan.completed webhook; ${trees.map((t) => `${t.label} = ${t.tree}`).join(', ')}; ${corpus.length} corpus images; load average ${load()}`);
    // Warm-up: each worker loads its models and opens its connections on a first listing.
    for (const s of services) await (await ingest(s, `${s.label}-warm-up`, corpusUrls(29, 1)))();
    for (const s of services) await hostileRss(s);
    const peaks = new Map(services.map((s) => [s, 0]));
    const sampler = setInterval(() => services.forEach((s) => peaks.set(s, Math.max(peaks.get(s) ?? 0, pidTreeRssMb(s.workerPid)))), 100);
    const rows = [
      await phase(services, '1 image, idle', 1, Math.ceil(N.oneIdle * scale), false),
      await phase(services, '1 image, loaded', 1, Math.ceil(N.oneLoaded * scale), true),
      await phase(services, '10 images, idle', 10, Math.ceil(N.tenIdle * scale), false),
      await phase(services, '10 images, loaded', 10, Math.ceil(N.tenLoaded * scale), true),
    ];
    if (services.length === 2) {
      const names = ['1 image, idle', '1 image, loaded', '10 images, idle', '10 images, loaded'];
      console.log('\n| listing | p50 now / before | p95 now / before |\n| --- | --- | --- |');
      rows.forEach((r, i) => {
        const [now, before] = [r.get('now') ?? [], r.get('before') ?? []];
        console.log(`| ${names[i]} | ${(pct(now, 50) / pct(before, 50)).toFixed(2)} × | ${(pct(now, 95) / pct(before, 95)).toFixed(2)} × |`);
      });
    }
    clearInterval(sampler);
    for (const [s, mb] of peaks) console.log(`worker + OCR processes peak RSS over the corpus listings, ${s.label}: ${mb} MB`);
  } finally {
    for (const s of services) await s.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
