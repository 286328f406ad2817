/**
 * Ingest in ONE statement (atomic, one round trip, one commit): upsert the listing (the version moves
 * only when the content hash differs), insert its scan and images. Same content as the current
 * version: nothing is written and the UNION's second arm returns the current scan (created = false),
 * from this statement's snapshot. Concurrent identical sends are settled by the unique key and the
 * upsert's WHERE clause.
 *
 * $1 listing id, $2 marketplace, $3 externalId, $4 sellerId, $5 title, $6 description, $7 amount,
 * $8 currency, $9 aiDisclosure, $10 contentHash, $11 scan id, $12 snapshot json, $13 requestId,
 * $14 image kinds[], $15 image urls[], $16 inline images as base64[].
 */
export const INGEST_SQL = `
WITH upserted AS (
  INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, description, "priceAmount",
                        "priceCurrency", "aiDisclosure", "contentHash", version, "updatedAt")
  VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::numeric, $8, $9::boolean, $10, 1, now())
  ON CONFLICT (marketplace, "externalId") DO UPDATE SET
    "sellerId" = EXCLUDED."sellerId", title = EXCLUDED.title, description = EXCLUDED.description,
    "priceAmount" = EXCLUDED."priceAmount", "priceCurrency" = EXCLUDED."priceCurrency",
    "aiDisclosure" = EXCLUDED."aiDisclosure", "contentHash" = EXCLUDED."contentHash",
    version = listings.version + 1, "updatedAt" = now()
  WHERE listings."contentHash" <> EXCLUDED."contentHash"
  RETURNING id, version
), new_scan AS (
  INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, "requestId")
  SELECT $11::uuid, id, version, $10, $12::jsonb, $13 FROM upserted
  RETURNING id, "listingId", status
), new_images AS (
  INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", "sourceUrl", "inlineData")
  SELECT gen_random_uuid(), s.id, s."listingId", v.position - 1, v.kind, v.url, decode(v.data, 'base64')
  FROM new_scan s, unnest($14::text[], $15::text[], $16::text[]) WITH ORDINALITY AS v(kind, url, data, position)
  RETURNING 1
)
SELECT id AS "scanId", "listingId", status::text AS status, true AS created FROM new_scan
UNION ALL
SELECT s.id, l.id, s.status::text, false
FROM listings l JOIN scans s ON s."listingId" = l.id AND s."listingVersion" = l.version
WHERE l.marketplace = $2 AND l."externalId" = $3 AND l."contentHash" = $10 AND NOT EXISTS (SELECT 1 FROM new_scan)`;

/** The current version's scan when its content hash is this one. $1 marketplace, $2 externalId, $3 hash. */
export const CURRENT_SCAN_SQL = `
SELECT s.id AS "scanId", l.id AS "listingId", s.status::text AS status
FROM listings l JOIN scans s ON s."listingId" = l.id AND s."listingVersion" = l.version
WHERE l.marketplace = $1 AND l."externalId" = $2 AND l."contentHash" = $3`;
