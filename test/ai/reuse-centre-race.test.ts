import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageReusedDetector } from '@listinglens/ai-signals';
import type { Finding, PhashIndex } from '@listinglens/contracts';
import { type AnalyzedImage, type DetectorContext, SharpImageDecoder } from '@listinglens/pipeline';
import { PgPhashIndex } from '../../libs/data-access/src/lib/phash-index';
import { PrismaService } from '../../libs/data-access/src/lib/prisma.service';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let prisma: PrismaService;

beforeAll(async () => {
  db = await createTestDatabase('reuse_centre_race');
  prisma = new PrismaService(db.url, 4);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** A listing with one queued scan and its image row, as the api leaves them for the worker. */
async function queuedListing(sellerId: string): Promise<{ listingId: string; scanId: string }> {
  const listingId = randomUUID();
  const scanId = randomUUID();
  await db.query(
    `INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, "priceAmount", "priceCurrency", "contentHash", version, "updatedAt")
     VALUES ($1::uuid, 'race', $1::text, $2, 'Lamp', 1, 'EUR', 'h', 1, now())`,
    [listingId, sellerId],
  );
  await db.query(`INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, status) VALUES ($1, $2, 1, 'h', '{}', 'running')`, [scanId, listingId]);
  await db.query(`INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind") VALUES ($1, $2, $3, 0, 'url')`, [randomUUID(), scanId, listingId]);
  return { listingId, scanId };
}

/**
 * The worst interleaving, made certain: no scan's centre lookup runs until every scan has reached it.
 * With publish-then-look both hashes of each are stored by then; a centre hash written only after the
 * centre lookup is missed. (The barrier is on the centre lookup itself: on findNear, a centre hash
 * published between the two lookups would still be seen, and the test could not fail.)
 */
function lookingTogether(inner: PgPhashIndex, scans: number): PhashIndex {
  let arrived = 0;
  let release: () => void = () => undefined;
  const everyone = new Promise<void>((resolve) => (release = resolve));
  const arrive = () => {
    if (++arrived === scans) release();
    return everyone;
  };
  return {
    publish: (entry) => inner.publish(entry),
    findNear: (phash, maxDistance, seller) => inner.findNear(phash, maxDistance, seller),
    findNearCentre: async (probes, maxDistance, seller) => (await arrive(), inner.findNearCentre(probes, maxDistance, seller)),
  };
}

async function analyzed(bytes: Buffer): Promise<AnalyzedImage> {
  return { position: 0, bytes, sha256: 'x', format: 'jpeg', ...(await new SharpImageDecoder({ maxPixels: 1e8 }).inspect(bytes)) };
}

function context(image: AnalyzedImage, listing: { listingId: string; scanId: string }, sellerId: string): DetectorContext {
  return {
    listing: { marketplace: 'race', externalId: listing.listingId, sellerId, title: 'Lamp', price: { amount: '1.00', currency: 'EUR' }, ...listing },
    images: [image],
    text: async () => null,
    stepDeadline: () => Date.now() + 60_000,
    reportError: (img, error) => {
      throw new Error(`image ${img.position}: ${error.code} ${error.message}`);
    },
  };
}

describe('image.reused: two sellers post a photo and its 15 % crop at the same moment (PostgreSQL)', () => {
  it('the centre hash is published with the pHash before either looks, so at least one is flagged by it', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360"><rect width="480" height="360" fill="#345"/>
      <rect x="60" y="50" width="300" height="90" fill="#eee"/><circle cx="260" cy="240" r="100" fill="#c84"/><rect x="30" y="180" width="50" height="160" fill="#fff"/></svg>`;
    const original = await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
    // 15 % of each side trimmed, centred: the pHash is ~20 bits away, over its threshold.
    const crop = await sharp(original).extract({ left: 36, top: 27, width: 408, height: 306 }).jpeg({ quality: 90 }).toBuffer();
    const index = lookingTogether(new PgPhashIndex(prisma), 2);
    const detector = new ImageReusedDetector({ index });
    const [a, b] = [await queuedListing('seller-a'), await queuedListing('seller-b')];
    const findings: Finding[][] = await Promise.all([
      detector.detect(context(await analyzed(original), a, 'seller-a')),
      detector.detect(context(await analyzed(crop), b, 'seller-b')),
    ]);
    const matches = findings.flat().flatMap((f) => (f.code === 'image.reused' ? f.evidence.matches : []));
    expect(matches.length).toBeGreaterThanOrEqual(1);
    expect(matches.every((m) => m.hash === 'centre')).toBe(true);
  }, 60_000);
});
