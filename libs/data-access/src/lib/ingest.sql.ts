/** The listing columns both ingest statements insert, in their VALUES / SELECT order. */
const INSERT_LISTING = `INSERT INTO listings (id, marketplace, "externalId", "sellerId", title, description, "priceAmount",
                        "priceCurrency", "aiDisclosure", "contentHash", version, "updatedAt")`;

/** Both statements' conflict rule: a listing's fields change, and its version moves, only when its content does. */
const NEW_VERSION_ON_CONFLICT = `ON CONFLICT (marketplace, "externalId") DO UPDATE SET
    "sellerId" = EXCLUDED."sellerId", title = EXCLUDED.title, description = EXCLUDED.description,
    "priceAmount" = EXCLUDED."priceAmount", "priceCurrency" = EXCLUDED."priceCurrency",
    "aiDisclosure" = EXCLUDED."aiDisclosure", "contentHash" = EXCLUDED."contentHash",
    version = listings.version + 1, "updatedAt" = now()
  WHERE listings."contentHash" <> EXCLUDED."contentHash"`;

/**
 * Ingest of a batch of listings in ONE statement (atomic, one round trip, one commit): upsert each
 * listing (its version moves only when the content hash differs), insert a scan and images for each
 * one that changed. Listings whose content equals their current version write nothing; the UNION's
 * second arm returns their current scan (created = false) from this statement's snapshot. Concurrent
 * identical sends are settled by the unique key and the upsert's WHERE clause. Rows are upserted in
 * key order so concurrent batches lock listings in the same order (no deadlocks).
 *
 * Per listing (arrays of equal length): $1 id, $2 marketplace, $3 externalId, $4 sellerId, $5 title,
 * $6 description, $7 amount, $8 currency, $9 aiDisclosure, $10 contentHash, $11 scan id,
 * $12 snapshot json, $13 requestId. Per image: $14 scan id, $15 position, $16 kind, $17 url,
 * $18 inline bytes as base64.
 */
export const INGEST_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[],
                       $8::text[], $9::boolean[], $10::text[], $11::uuid[], $12::jsonb[], $13::text[])
    AS i(id, marketplace, external_id, seller_id, title, description, amount, currency, ai, hash, scan_id, snapshot, request_id)
), upserted AS (
  ${INSERT_LISTING}
  SELECT id, marketplace, external_id, seller_id, title, description, amount, currency, ai, hash, 1, now()
  FROM input ORDER BY marketplace, external_id
  ${NEW_VERSION_ON_CONFLICT}
  RETURNING id, version, marketplace, "externalId"
), new_scans AS (
  INSERT INTO scans (id, "listingId", "listingVersion", "contentHash", snapshot, "requestId")
  SELECT i.scan_id, u.id, u.version, i.hash, i.snapshot, i.request_id
  FROM upserted u JOIN input i ON i.marketplace = u.marketplace AND i.external_id = u."externalId"
  RETURNING id, "listingId", status
), new_images AS (
  INSERT INTO listing_images (id, "scanId", "listingId", position, "sourceKind", "sourceUrl", "inlineData")
  SELECT gen_random_uuid(), s.id, s."listingId", img.position, img.kind, img.url, decode(img.data, 'base64')
  FROM new_scans s
  JOIN unnest($14::uuid[], $15::int[], $16::text[], $17::text[], $18::text[]) AS img(scan_id, position, kind, url, data)
    ON img.scan_id = s.id
  RETURNING 1
)
SELECT i.scan_id AS "requestScanId", s.id AS "scanId", s."listingId", s.status::text AS status, true AS created
FROM new_scans s JOIN input i ON i.scan_id = s.id
UNION ALL
SELECT i.scan_id, s.id, l.id, s.status::text, false
FROM input i
JOIN listings l ON l.marketplace = i.marketplace AND l."externalId" = i.external_id AND l."contentHash" = i.hash
JOIN scans s ON s."listingId" = l.id AND s."listingVersion" = l.version
WHERE NOT EXISTS (SELECT 1 FROM new_scans ns WHERE ns.id = i.scan_id)`;

/**
 * The same for one listing, with scalar parameters: cheaper than the batch statement when there is no
 * one to share a commit with (an idle or lightly loaded server).
 *
 * $1 listing id, $2 marketplace, $3 externalId, $4 sellerId, $5 title, $6 description, $7 amount,
 * $8 currency, $9 aiDisclosure, $10 contentHash, $11 scan id, $12 snapshot json, $13 requestId,
 * $14 image kinds[], $15 image urls[], $16 inline images as base64[].
 */
export const INGEST_ONE_SQL = `
WITH upserted AS (
  ${INSERT_LISTING}
  VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::numeric, $8, $9::boolean, $10, 1, now())
  ${NEW_VERSION_ON_CONFLICT}
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
SELECT $11::uuid AS "requestScanId", id AS "scanId", "listingId", status::text AS status, true AS created FROM new_scan
UNION ALL
SELECT $11::uuid, s.id, l.id, s.status::text, false
FROM listings l JOIN scans s ON s."listingId" = l.id AND s."listingVersion" = l.version
WHERE l.marketplace = $2 AND l."externalId" = $3 AND l."contentHash" = $10 AND NOT EXISTS (SELECT 1 FROM new_scan)`;

/** The current version's scan when its content hash is this one. $1 marketplace, $2 externalId, $3 hash. */
export const CURRENT_SCAN_SQL = `
SELECT s.id AS "scanId", l.id AS "listingId", s.status::text AS status
FROM listings l JOIN scans s ON s."listingId" = l.id AND s."listingVersion" = l.version
WHERE l.marketplace = $1 AND l."externalId" = $2 AND l."contentHash" = $3`;
