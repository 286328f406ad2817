import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CENTRE_MAX_DISTANCE, centreDistance, centreHashesOf, REUSE_MAX_DISTANCE, viewerGrey } from '@listinglens/ai-signals';
import { hammingDistanceHex, SharpImageDecoder } from '@listinglens/pipeline';

const decoder = new SharpImageDecoder({ maxPixels: 100_000_000 });
/** The centre hash's threshold (the index uses it) was chosen on this measurement: see the false-match line it prints. */
export { CENTRE_MAX_DISTANCE };

/** The edits the issue names, applied to each corpus photo as a viewer sees it. */
const EDITS: Record<string, (i: sharp.Sharp, w: number, h: number) => sharp.Sharp> = {
  'resize 50%': (i, w) => i.resize(Math.max(32, Math.round(w / 2))).png(),
  'recompress jpeg q60': (i) => i.jpeg({ quality: 60 }),
  'crop 5%': (i, w, h) => centred(i, w, h, 0.05),
  'crop 10%': (i, w, h) => centred(i, w, h, 0.1),
  'crop 20%': (i, w, h) => centred(i, w, h, 0.2),
  'crop 10% one side': (i, w, h) => i.extract({ left: 0, top: 0, width: Math.round(w * 0.9), height: Math.round(h * 0.9) }).png(),
  'overlay text': (i, w, h) =>
    i.composite([{ input: Buffer.from(`<svg width="${w}" height="${h}"><text x="${w * 0.05}" y="${h * 0.93}" font-size="${Math.round(h / 12)}" fill="red" font-weight="bold">SALE -50% TODAY</text></svg>`) }]).png(),
  mirror: (i) => i.flop().png(),
};

/** A crop of `share` of each side's length, centred: what a reseller trimming a border does. */
function centred(i: sharp.Sharp, w: number, h: number, share: number): sharp.Sharp {
  return i.extract({ left: Math.round((w * share) / 2), top: Math.round((h * share) / 2), width: Math.round(w * (1 - share)), height: Math.round(h * (1 - share)) }).png();
}

export interface ReuseRecall {
  images: number;
  perEdit: { edit: string; phash: number; centre: number; either: number }[];
  distinctPairs: number;
  phashFalse: number;
  centreFalse: number;
  centreDistinctMin: number;
}

export async function measureReuseRecall(dirs: string[]): Promise<ReuseRecall> {
  const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => !f.endsWith('.tsv') && !f.startsWith('testvec_wm_')).map((f) => join(dir, f)));
  const stored: { phash: string; centre: string[]; probes: string[] }[] = [];
  const hits = new Map<string, { phash: number; centre: number; either: number }>();
  for (const file of files) {
    const bytes = await sharp(readFileSync(file)).autoOrient().flatten({ background: '#ffffff' }).png().toBuffer();
    const { width = 0, height = 0 } = await sharp(bytes).metadata();
    const hashes = await centreHashesOf(await viewerGrey(bytes));
    const original = { phash: (await decoder.inspect(bytes)).phash, centre: [hashes.centre, hashes.mirrored], probes: hashes.probes };
    stored.push(original);
    for (const [edit, apply] of Object.entries(EDITS)) {
      const copy = await apply(sharp(bytes), width, height).toBuffer();
      const p = hammingDistanceHex(original.phash, (await decoder.inspect(copy)).phash) <= REUSE_MAX_DISTANCE;
      // Either order of arrival: the copy looked up against the original, or the original against the copy.
      const copied = await centreHashesOf(await viewerGrey(copy));
      const c =
        centreDistance(original.centre, copied.probes) <= CENTRE_MAX_DISTANCE ||
        centreDistance([copied.centre, copied.mirrored], original.probes) <= CENTRE_MAX_DISTANCE;
      const h = hits.get(edit) ?? { phash: 0, centre: 0, either: 0 };
      hits.set(edit, { phash: h.phash + Number(p), centre: h.centre + Number(c), either: h.either + Number(p || c) });
    }
  }
  let phashFalse = 0;
  let centreFalse = 0;
  let centreDistinctMin = 64;
  let pairs = 0;
  for (let i = 0; i < stored.length; i++) {
    for (let j = 0; j < stored.length; j++) {
      if (i === j) continue;
      const d = centreDistance(stored[i].centre, stored[j].probes);
      centreDistinctMin = Math.min(centreDistinctMin, d);
      if (d <= CENTRE_MAX_DISTANCE) centreFalse++;
      if (j > i) {
        pairs++;
        if (hammingDistanceHex(stored[i].phash, stored[j].phash) <= REUSE_MAX_DISTANCE) phashFalse++;
      }
    }
  }
  return {
    images: files.length,
    perEdit: [...hits.entries()].map(([edit, h]) => ({ edit, ...h })),
    distinctPairs: pairs,
    phashFalse,
    centreFalse,
    centreDistinctMin,
  };
}
