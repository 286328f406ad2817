import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { hammingDistanceHex, SharpImageDecoder } from '@listinglens/pipeline';
import { InMemoryPhashIndex } from '@listinglens/ai-signals';
import { median } from './corpus-images';

const decoder = new SharpImageDecoder({ maxPixels: 100_000_000 });
const phash = async (bytes: Buffer) => (await decoder.inspect(bytes)).phash;

/** The edits a reseller makes to a copied photo. */
const TRANSFORMS: Record<string, (img: sharp.Sharp, w: number, h: number) => sharp.Sharp> = {
  'jpeg q95': (i) => i.jpeg({ quality: 95 }),
  'jpeg q50': (i) => i.jpeg({ quality: 50 }),
  webp: (i) => i.webp({ quality: 75 }),
  'resize 50%': (i, w) => i.resize(Math.max(32, Math.round(w / 2))).png(),
  'resize 25%': (i, w) => i.resize(Math.max(32, Math.round(w / 4))).png(),
  'resize 150%': (i, w) => i.resize(Math.round(w * 1.5)).png(),
  'crop 5%': (i, w, h) =>
    i.extract({ left: Math.round(w * 0.025), top: Math.round(h * 0.025), width: Math.round(w * 0.95), height: Math.round(h * 0.95) }).png(),
  'crop 10%': (i, w, h) =>
    i.extract({ left: Math.round(w * 0.05), top: Math.round(h * 0.05), width: Math.round(w * 0.9), height: Math.round(h * 0.9) }).png(),
  'brightness +10%': (i) => i.modulate({ brightness: 1.1 }).png(),
  'brightness -10%': (i) => i.modulate({ brightness: 0.9 }).png(),
  'border 3%': (i, w) => i.extend({ top: Math.round(w * 0.03), bottom: Math.round(w * 0.03), left: Math.round(w * 0.03), right: Math.round(w * 0.03), background: '#ffffff' }).png(),
  'text overlay': (i, w, h) =>
    i.composite([{ input: Buffer.from(`<svg width="${w}" height="${h}"><text x="${w * 0.05}" y="${h * 0.95}" font-size="${Math.round(h / 14)}" fill="red">SALE -50%</text></svg>`) }]).png(),
};

export interface PhashMeasurement {
  images: number;
  perTransform: { transform: string; median: number; p90: number; max: number }[];
  sameMax: number;
  distinctMin: number;
  distinctPairs: number;
  distinctUnder: Record<number, number>;
}

export async function measurePhashThreshold(dirs: string[]): Promise<PhashMeasurement> {
  const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => !f.endsWith('.tsv') && !f.startsWith('testvec_wm_')).map((f) => join(dir, f)));
  const originals: string[] = [];
  const byTransform = new Map<string, number[]>();
  for (const file of files) {
    // The photo as a viewer sees it: rotation applied, transparency on white. A reseller's copy starts from
    // that; hashing the raw file instead mixes in EXIF rotation and the colour hidden under alpha.
    const bytes = await sharp(readFileSync(file)).autoOrient().flatten({ background: '#ffffff' }).png().toBuffer();
    const meta = await sharp(bytes).metadata();
    const w = meta.width ?? 0;
    const h = meta.height ?? 0;
    const original = await phash(bytes);
    originals.push(original);
    for (const [name, transform] of Object.entries(TRANSFORMS)) {
      const edited = await transform(sharp(bytes), w, h).toBuffer();
      const list = byTransform.get(name) ?? [];
      list.push(hammingDistanceHex(original, await phash(edited)));
      byTransform.set(name, list);
    }
  }
  const distinct: number[] = [];
  for (let i = 0; i < originals.length; i++) {
    for (let j = i + 1; j < originals.length; j++) distinct.push(hammingDistanceHex(originals[i], originals[j]));
  }
  const perTransform = [...byTransform.entries()].map(([transform, d]) => ({
    transform,
    median: median(d),
    p90: [...d].sort((a, b) => a - b)[Math.floor(d.length * 0.9)],
    max: Math.max(...d),
  }));
  const distinctUnder: Record<number, number> = {};
  for (const t of [6, 8, 10, 12, 14, 16]) distinctUnder[t] = distinct.filter((d) => d <= t).length;
  return {
    images: originals.length,
    perTransform,
    sameMax: Math.max(...perTransform.map((t) => t.max)),
    distinctMin: Math.min(...distinct),
    distinctPairs: distinct.length,
    distinctUnder,
  };
}

/** Median findNear time over `size` random stored hashes (the in-memory index; the service uses PostgreSQL). */
export async function measureLookup(size: number, lookups = 25): Promise<number> {
  const index = new InMemoryPhashIndex();
  const hex = () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  for (let i = 0; i < size; i++) index.add({ listingId: `l${i}`, sellerId: `s${i % 5000}`, imagePosition: 0, phash: hex() + hex() });
  const times: number[] = [];
  for (let i = 0; i < lookups; i++) {
    const t = performance.now();
    await index.findNear(hex() + hex(), 10, 's0');
    times.push(performance.now() - t);
  }
  return median(times);
}
