import type { PrismaService } from '../prisma.service';

/**
 * Where evidence bytes live, by key. Content-addressed keys (a sha256, or a sha256 plus a derivative's
 * suffix) make put idempotent: two scans storing the same photo write the same object once.
 * PostgreSQL is the default (nothing more to run); an S3-compatible store implements the same four calls
 * (PutObject with If-None-Match, GetObject, DeleteObject, HeadObject), see README "Review console".
 */
export interface BlobStore {
  /** Stores the bytes under `key` unless an object with that key exists already (same key, same bytes). */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when no object has that key. */
  get(key: string): Promise<Buffer | null>;
  delete(keys: readonly string[]): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

/** The default store: one row per object in `blob_objects` (bytea, stored out of line, uncompressed). */
export class PostgresBlobStore implements BlobStore {
  constructor(private readonly prisma: PrismaService) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.prisma.$executeRaw`INSERT INTO blob_objects (key, data) VALUES (${key}, ${bytes}) ON CONFLICT (key) DO NOTHING`;
  }

  async get(key: string): Promise<Buffer | null> {
    const row = await this.prisma.blobObject.findUnique({ where: { key } });
    return row ? Buffer.from(row.data) : null;
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.prisma.blobObject.deleteMany({ where: { key: { in: [...keys] } } });
  }
}

/** The thumbnail's key next to its original's. */
export const thumbKey = (sha256: string) => `${sha256}.thumb.webp`;
/** A PNG rendering of a format a browser must not be handed as stored (TIFF, BMP, HEIF). */
export const displayKey = (sha256: string) => `${sha256}.display.png`;
