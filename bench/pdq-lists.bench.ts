/**
 * `npm run bench:pdq-lists` — matching one image (its 8 dihedral PDQ variants) against a hash list of
 * 1,000,000 hashes at HMA's threshold (31 bits), issue 26. Target: p99 < 20 ms.
 *
 * - in-memory multi-index (libs/pdq PdqMihIndex, what the worker uses) and its yardstick, a linear scan;
 * - the same multi-index over 16 band columns in PostgreSQL (16 btree indexes, 17 values per band);
 * - the product's path: HashListRepository.importHashes (the API's import, without HTTP) of the 1,000,000
 *   hashes into a scratch database, then PgHashLists (revision check + in-memory index) loading and matching.
 * BENCH_LARGE=10000000 adds an in-memory-only run at that size (PostgreSQL at 10M: see README).
 * Queries: a listed hash with 0–31 random bits flipped as the "original" variant, 7 random variants.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { HashListRepository, PgHashLists, PrismaService, SqlPool } from '@listinglens/data-access';
import { linearSearch, pdqBandAt, pdqHexAt, PdqMihIndex, type HashListItem } from '@listinglens/pdq';
import { createScratchDatabase } from './support/scratch-database';

const N = Number(process.env.BENCH_HASHES ?? 1_000_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 0);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const T = 31;
const VARIANTS = ['original', 'rotate90', 'rotate180', 'rotate270', 'flipX', 'flipY', 'flipPlus1', 'flipMinus1'];

const randomWords = (n: number) => new Uint32Array(randomBytes(n * 32).buffer.slice(0, n * 32));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const stats = (xs: number[]) => `${pct(xs, 0.5).toFixed(2)} / ${pct(xs, 0.99).toFixed(2)} ms (n=${xs.length})`;

interface Query {
  variants: Uint32Array[];
  target: number;
  bits: number;
}

function queries(words: Uint32Array, count: number): Query[] {
  const n = words.length / 8;
  return Array.from({ length: count }, (_, q) => {
    const target = Math.floor(Math.random() * n);
    const bits = q % 32;
    const probe = words.slice(target * 8, target * 8 + 8);
    const flipped = new Set<number>();
    while (flipped.size < bits) flipped.add(Math.floor(Math.random() * 256));
    for (const b of flipped) probe[b >> 5] ^= 1 << (b & 31);
    return { variants: [probe, ...Array.from({ length: 7 }, () => randomWords(1))], target, bits };
  });
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

async function inMemory(label: string, words: Uint32Array, qs: Query[], linearQueries: number): Promise<void> {
  const [buildMs, index] = await time(() => new PdqMihIndex(words));
  const mih: number[] = [];
  let found = 0;
  for (const q of qs) {
    const [ms, hits] = await time(() => q.variants.flatMap((v) => index.search(v, T)));
    mih.push(ms);
    if (hits.some((h) => h.index === q.target)) found++;
  }
  const linear: number[] = [];
  for (const q of qs.slice(0, linearQueries)) linear.push((await time(() => q.variants.flatMap((v) => linearSearch(words, v, T))))[0]);
  console.log(`| ${label} | in-memory MIH (16 bands × 17 probes × 8 variants) | ${stats(mih)} | ${found}/${qs.length} | build ${(buildMs / 1000).toFixed(1)} s, heap+arrays ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB RSS |`);
  console.log(`| ${label} | linear scan (yardstick, 8 variants) | ${stats(linear)} | | |`);
}

async function main(): Promise<void> {
  console.log(`load average at start (2 cores): ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`PDQ hash-list lookup, t = ${T}, ${QUERIES} queries (planted 0–31 bits from a listed hash, 8 variants each); median / p99`);
  console.log('\n| hashes | lookup | median / p99 | planted found | notes |\n| --- | --- | --- | --- | --- |');
  const words = randomWords(N);
  const qs = queries(words, QUERIES);
  await inMemory(N.toLocaleString('en'), words, qs, 20);

  if (process.env.BENCH_PG === '0') return large();
  const db = await createScratchDatabase('pdq_lists');
  const prisma = new PrismaService(db.url, 4);
  const pool = new SqlPool(db.url, 4);
  try {
    await prisma.$connect();
    const repo = new HashListRepository(prisma, pool);
    const list = await repo.create({ name: 'bench', source: 'bench', threshold: T, action: 'review', enabled: true }, 'bench');
    async function* items(): AsyncGenerator<HashListItem> {
      for (let i = 0; i < N; i++) yield { ok: true, line: i + 1, pdq: pdqHexAt(words, i), externalId: null, note: null };
    }
    const [importMs, report] = await time(() => repo.importHashes(list.id, items(), 'bench'));
    console.log(`| ${N.toLocaleString('en')} | import (HashListRepository, batches of 5,000, one transaction) | ${(importMs / 1000).toFixed(1)} s | | ${report.added} added, ${Math.round(report.added / (importMs / 1000))} hashes/s |`);
    const lists = new PgHashLists(repo);
    const [loadMs] = await time(() => lists.current());
    const probes = qs.map((q) => Object.fromEntries(q.variants.map((v, i) => [VARIANTS[i], pdqHexAt(v, 0)])));
    const product: number[] = [];
    let productFound = 0;
    for (const [i, variants] of probes.entries()) {
      const [ms, [hits]] = await time(() => lists.match([variants]));
      product.push(ms);
      // Every listed hash must have been loaded: the planted one is found by its PDQ.
      if (hits.some((h) => h.pdq === pdqHexAt(words, qs[i].target))) productFound++;
    }
    // A 10-image listing: one revision query for the scan, then the index per image.
    const tenImages: number[] = [];
    for (let i = 0; i + 10 <= probes.length; i += 10) tenImages.push((await time(() => lists.match(probes.slice(i, i + 10))))[0]);
    const revisions: number[] = [];
    for (let i = 0; i < qs.length; i++) revisions.push((await time(() => repo.enabledRevisions()))[0]);
    console.log(`| ${N.toLocaleString('en')} | of which the revision query alone | ${stats(revisions)} | | |`);
    console.log(`| ${N.toLocaleString('en')} | PgHashLists.match, a 1-image scan (revision query once per scan + in-memory MIH, the worker's path) | ${stats(product)} | ${productFound}/${probes.length} | first load from PostgreSQL ${(loadMs / 1000).toFixed(1)} s |`);
    console.log(`| ${N.toLocaleString('en')} | PgHashLists.match, a 10-image scan (one revision query, 10 × in-memory MIH) | ${stats(tenImages)} | | per scan |`);
    await postgresMih(db.url, words, qs);
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  }

  await large();
}

async function large(): Promise<void> {
  if (LARGE) {
    const words = randomWords(LARGE);
    await inMemory(LARGE.toLocaleString('en'), words, queries(words, QUERIES), 5);
  }
  console.log(`\nload average during the run (2 cores): ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

/** The multi-index in PostgreSQL: 16 band columns, a btree each; per variant one query ORing the 16 bands. */
async function postgresMih(url: string, words: Uint32Array, qs: Query[]): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const n = words.length / 8;
  const bandCols = Array.from({ length: 16 }, (_, b) => `b${b}`);
  await c.query(`CREATE TABLE bench_pdq (id int, w0 bigint, w1 bigint, w2 bigint, w3 bigint, ${bandCols.map((b) => `${b} int`).join(', ')})`);
  const w64 = (i: number, k: number) => BigInt.asIntN(64, (BigInt(words[i * 8 + 2 * k]) << 32n) | BigInt(words[i * 8 + 2 * k + 1])).toString();
  const [loadMs] = await time(async () => {
    for (let start = 0; start < n; start += 20_000) {
      const ids = Array.from({ length: Math.min(20_000, n - start) }, (_, k) => start + k);
      const cols = [ids, ...[0, 1, 2, 3].map((k) => ids.map((i) => w64(i, k))), ...bandCols.map((_, b) => ids.map((i) => pdqBandAt(words, i, b)))];
      await c.query(
        `INSERT INTO bench_pdq SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], ${bandCols.map((_, b) => `$${b + 6}::int[]`).join(', ')})`,
        cols,
      );
    }
    for (const b of bandCols) await c.query(`CREATE INDEX ON bench_pdq (${b})`);
    await c.query('ANALYZE bench_pdq');
  });
  const sql = `SELECT id FROM bench_pdq WHERE (${bandCols.map((b, i) => `${b} = ANY($${i + 1}::int[])`).join(' OR ')})
    AND bit_count((w0 # $17)::bit(64)) + bit_count((w1 # $18)::bit(64)) + bit_count((w2 # $19)::bit(64)) + bit_count((w3 # $20)::bit(64)) <= ${T}`;
  const times: number[] = [];
  let found = 0;
  for (const q of qs.slice(0, 50)) {
    const [ms, ids] = await time(async () => {
      const out: number[] = [];
      for (const v of q.variants) {
        const probes = bandCols.map((_, b) => {
          const value = pdqBandAt(v, 0, b);
          return [value, ...Array.from({ length: 16 }, (_, f) => value ^ (1 << f))];
        });
        const ws = [0, 1, 2, 3].map((k) => BigInt.asIntN(64, (BigInt(v[2 * k]) << 32n) | BigInt(v[2 * k + 1])).toString());
        out.push(...(await c.query(sql, [...probes, ...ws])).rows.map((r: { id: number }) => r.id));
      }
      return out;
    });
    times.push(ms);
    if (ids.includes(q.target)) found++;
  }
  console.log(`| ${n.toLocaleString('en')} | PostgreSQL MIH (16 band btrees, 8 queries of 16 × 17 values) | ${stats(times)} | ${found}/${times.length} | load + 16 indexes ${(loadMs / 1000).toFixed(0)} s |`);
  await c.end();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
