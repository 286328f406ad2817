/**
 * `npm run bench:queue` — the review queue's pages as the console asks for them (issue 24): 10,000 queued
 * items, each listing with a scan, two images (the flagged one kept as evidence), a price.mismatch finding
 * with its box and the price read, and a contact finding. Times every page of 200 through the whole
 * queue: ReviewRepository.list (the keyset page) plus ReviewPreviewRepository.of (title, price, flagged
 * image, boxes, price read), i.e. what GET /v1/review/items does before JSON. Target: < 0.5 s a page.
 * Uses a scratch database of its own (DATABASE_URL's server), migrated like production, and drops it.
 */
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { PrismaService, ReviewPreviewRepository, ReviewRepository } from '@listinglens/data-access';
import { createScratchDatabase } from './support/scratch-database';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const PAGE = 200;

async function main(): Promise<void> {
  const scratch = await createScratchDatabase('queue');
  const db = new Client({ connectionString: scratch.url });
  let prisma: PrismaService | undefined;
  try {
    await db.connect();
    const seeded = Date.now();
    await seed(db);
    console.log(`review queue: ${ITEMS.toLocaleString('en')} queued items seeded in ${((Date.now() - seeded) / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)}`);
    prisma = new PrismaService(scratch.url, 4);
    const items = new ReviewRepository(prisma);
    const previews = new ReviewPreviewRepository(prisma);
    for (let run = 1; run <= 2; run++) {
      const times: number[] = [];
      let cursor: string | undefined;
      let rows = 0;
      let withImage = 0;
      do {
        const started = performance.now();
        const page = await items.list({}, cursor, PAGE);
        const shown = await previews.of(page.items);
        times.push(performance.now() - started);
        rows += page.items.length;
        withImage += [...shown.values()].filter((p) => p.image && p.priceRead).length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
      console.log(
        `run ${run}: ${times.length} pages of ${PAGE} (${rows} rows, ${withImage} with image, boxes and price read): ` +
          `median ${at(0.5)} ms, p95 ${at(0.95)} ms, slowest ${times.at(-1)?.toFixed(1)} ms`,
      );
    }
  } finally {
    await prisma?.$disconnect();
    await db.end();
    await scratch.drop();
  }
}

/** One listing, scan, two images, evidence and two findings per queued item, in set-based inserts. */
async function seed(db: Client): Promise<void> {
  await db.query(`
    INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, "priceAmount", "priceCurrency", "contentHash", version, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'bench', 'x' || g, 's-' || (g % 500), 'Listing number ' || g, 199, 'CNY', md5(g::text), 1, now(), now()
    FROM generate_series(1, ${ITEMS}) g`);
  await db.query(`
    INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, status, "completedAt")
    SELECT gen_random_uuid(), id, 1, "contentHash", '{}'::jsonb, 'completed', now() FROM listings`);
  await db.query(`
    INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", "sourceUrl", sha256, format, width, height, "evidenceSha256")
    SELECT gen_random_uuid(), s.id, s."listingId", p, 'url', 'https://cdn.example/' || s.id || '/' || p, h, 'png', 800, 360, CASE WHEN p = 0 THEN h END
    FROM scans s, generate_series(0, 1) p, LATERAL (SELECT encode(sha256((s.id::text || p)::bytea), 'hex') AS h) x`);
  await db.query(`
    INSERT INTO evidence_blobs (sha256, format, "byteSize", width, height, "thumbWidth", "thumbHeight", "thumbByteSize")
    SELECT "evidenceSha256", 'png', 40000, 800, 360, 480, 216, 9000 FROM listing_images WHERE "evidenceSha256" IS NOT NULL`);
  await db.query(`
    INSERT INTO findings (id, "scanId", "imageId", "imagePosition", code, severity, confidence, evidence, "ruleId", "ruleVersion")
    SELECT gen_random_uuid(), i."scanId", i.id, 0, 'price.mismatch', 'high'::"Severity", 0.9,
           '{"text":"¥99","box":{"x":260,"y":100,"width":120,"height":60},"shown":{"amount":"99","mark":"¥","currencies":["CNY","JPY"],"role":"selling"},"listing":{"amount":"199","currency":"CNY"},"reason":"amount_differs"}'::jsonb,
           'price-mismatch', 1
    FROM listing_images i WHERE i.position = 0
    UNION ALL
    SELECT gen_random_uuid(), i."scanId", i.id, 1, 'contact.off_platform', 'medium'::"Severity", 0.8,
           '{"kind":"phone","value":"13800138000","masked":"138****8000","source":"ocr","text":"13800138000","box":{"x":10,"y":10,"width":200,"height":30}}'::jsonb,
           'contact', 1
    FROM listing_images i WHERE i.position = 1`);
  await db.query(`
    INSERT INTO review_items (id, "listingId", "scanId", marketplace, "sellerId", "severityRank", severity, codes, "ruleIds", "createdAt")
    SELECT gen_random_uuid(), s."listingId", s.id, 'bench', l."sellerId", 3, 'high'::"Severity", ARRAY['contact.off_platform', 'price.mismatch'], ARRAY['bench.review'],
           now() - (row_number() OVER () * interval '1 minute')
    FROM scans s JOIN listings l ON l.id = s."listingId"`);
  await db.query('ANALYZE');
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
