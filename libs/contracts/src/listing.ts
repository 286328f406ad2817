import { z } from 'zod';
import type { ListingBody } from './listing-input.schema';

/**
 * One listing, three shapes, each derived from the one before: the body as validated
 * (`ListingBody`, listing-input.schema.ts), the snapshot stored with each scan and read back by the
 * worker (`ListingSnapshot`), and what detectors see (`ListingFields`).
 */

/**
 * Where an image's bytes come from: the api stores url and inline sources with the scan, the worker
 * reads them back to scan. `path` exists only in the CLI (relative to its input file).
 */
export type ImageSource = { kind: 'url'; url: string } | { kind: 'inline'; bytes: Buffer } | { kind: 'path'; path: string };

/** The sources the service stores (no files on a server). */
export type StoredImageSource = Exclude<ImageSource, { kind: 'path' }>;

/** A listing as ingest stores it: the validated body, its images as sources. */
export type ListingSubmission = Omit<ListingBody, 'images'> & { images: StoredImageSource[] };

/**
 * A listing's fields as of one version: stored as JSON with the scan it is the subject of (parsed
 * back with this schema), and what the API shows.
 */
export const listingSnapshotSchema = z.strictObject({
  marketplace: z.string(),
  externalId: z.string(),
  sellerId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  price: z.strictObject({ amount: z.string().meta({ description: 'exact decimal, e.g. "1299.00"' }), currency: z.string() }),
  aiDisclosure: z.boolean().nullable(),
});
export type ListingSnapshot = z.infer<typeof listingSnapshotSchema>;

/**
 * What detectors see. `description` and `aiDisclosure` may be absent (a CLI line need not give them);
 * `listingId` and `scanId` are set in the service (the reuse index keys on them), absent in the CLI.
 */
export type ListingFields = Omit<ListingSnapshot, 'description' | 'aiDisclosure'> &
  Partial<Pick<ListingSnapshot, 'description' | 'aiDisclosure'>> & { listingId?: string; scanId?: string };
