/**
 * `npm run bench:qr`: zxing-wasm (zxing-cpp as WASM) on the inputs the QR reader decodes: every band
 * and scan size ZxingQrCodeReader cuts (qrBands, 1200 and 600 px), as RGBA, from
 * ../shared/corpus (ocr pages and product photos), the same photos with generated QR codes pasted in
 * (small, large, on a tall page, inverted), and the hostile-image drill's set. Prints ms per image, codes
 * found (distinct payloads per image) and memory, on the main thread. jsQR, measured here beside it
 * before it was removed (issue 22): 207 against 13.5 ms per image, 6 codes against 7 (README Figures).
 * Figures to read, not a test: noisy while other work runs on the machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { prepareZXingModule as prepareWriter, writeBarcode } from 'zxing-wasm/writer';
import { qrBands } from '@listinglens/text-detectors';
import { hostileImages } from '../test/drills/support/hostile-images';

const SCAN_SIZES = [1200, 600];
const PAYLOADS = ['https://t.me/bench_seller', 'weixin://dl/chat?bench_seller', 'https://wa.me/4915112345678', 'mailto:seller@example.com', 'tel:+8613812345678'];

interface Band {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}
interface Input {
  name: string;
  bands: Band[];
}

function wasm(path: string): ArrayBuffer {
  const b = readFileSync(join(process.cwd(), 'node_modules/zxing-wasm/dist', path));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** The bands ZxingQrCodeReader decodes for these bytes (null when sharp cannot decode them). */
async function bandsOf(bytes: Buffer): Promise<Band[] | null> {
  try {
    const oriented = sharp(bytes, { limitInputPixels: 50_000_000 }).autoOrient();
    const { data, info } = await oriented.raw().toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
    const out: Band[] = [];
    for (const band of qrBands(info.width, info.height)) {
      for (const size of SCAN_SIZES) {
        const scale = Math.min(1, size / Math.max(band.height, info.width));
        const cut = await sharp(data, raw)
          .extract({ left: 0, top: band.top, width: info.width, height: band.height })
          .resize(Math.max(1, Math.round(info.width * scale)), Math.max(1, Math.round(band.height * scale)))
          .flatten({ background: '#ffffff' })
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        out.push({ data: new Uint8ClampedArray(cut.data), width: cut.info.width, height: cut.info.height });
      }
    }
    return out;
  } catch {
    return null;
  }
}

async function qrPng(payload: string, side: number, invert = false): Promise<Buffer> {
  const written = await writeBarcode(payload, { format: 'QRCode', scale: 4 });
  if (!written.image) throw new Error(written.error);
  const png = sharp(Buffer.from(await written.image.arrayBuffer())).resize(side, side, { kernel: 'nearest' });
  return (invert ? png.negate({ alpha: false }) : png).png().toBuffer();
}

async function inputs(): Promise<Input[]> {
  const corpus = join(process.cwd(), '..', 'shared', 'corpus');
  const files = ['ocr', 'products'].flatMap((d) => {
    try {
      return readdirSync(join(corpus, d)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).map((f) => join(corpus, d, f));
    } catch {
      return [];
    }
  });
  const named: Array<{ name: string; bytes: Buffer }> = files.map((f) => ({ name: f.slice(corpus.length + 1), bytes: readFileSync(f) }));
  // The same photos with a code pasted in: small (120 px), large (360 px), inverted, on a tall page.
  const hosts = named.filter((n) => n.name.startsWith('products/')).slice(0, PAYLOADS.length);
  for (const [i, host] of hosts.entries()) {
    const meta = await sharp(host.bytes).metadata();
    const side = i % 2 === 0 ? 120 : 360;
    const code = await qrPng(PAYLOADS[i], Math.min(side, (meta.width ?? 400) - 10, (meta.height ?? 400) - 10), i === 3);
    named.push({ name: `qr-in ${host.name} ${side}px${i === 3 ? ' inverted' : ''}`, bytes: await sharp(host.bytes).composite([{ input: code, left: 5, top: 5 }]).jpeg({ quality: 85 }).toBuffer() });
  }
  const page = named.find((n) => n.name.startsWith('ocr/deals_'));
  if (page) {
    const meta = await sharp(page.bytes).metadata();
    const code = await qrPng(PAYLOADS[0], 150);
    named.push({ name: `qr-in ${page.name} (page, bottom)`, bytes: await sharp(page.bytes).composite([{ input: code, left: 20, top: (meta.height ?? 400) - 200 }]).png().toBuffer() });
  }
  for (const h of await hostileImages()) named.push({ name: `hostile ${h.name}`, bytes: h.bytes });
  const out: Input[] = [];
  for (const n of named) {
    const bands = await bandsOf(n.bytes);
    if (bands) out.push({ name: n.name, bands });
  }
  return out;
}

interface Phase {
  ms: number;
  found: Map<string, Set<string>>;
  peakRssMb: number;
  rssGrowthMb: number;
}

async function phase(all: Input[], decode: (band: Band) => Promise<string[]>): Promise<Phase> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const found = new Map<string, Set<string>>();
  const started = performance.now();
  for (const input of all) {
    const payloads = new Set<string>();
    for (const band of input.bands) for (const p of await decode(band)) payloads.add(p);
    found.set(input.name, payloads);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { ms: performance.now() - started, found, peakRssMb: peak / 2 ** 20, rssGrowthMb: (peak - before) / 2 ** 20 };
}

async function main(): Promise<void> {
  prepareZXingModule({ overrides: { wasmBinary: wasm('reader/zxing_reader.wasm') } });
  prepareWriter({ overrides: { wasmBinary: wasm('writer/zxing_writer.wasm') } });
  const all = await inputs();
  const bands = all.reduce((s, i) => s + i.bands.length, 0);
  console.log(`qr bench: ${all.length} images (${all.filter((i) => i.bands.length > 0).length} with bands), ${bands} band×size inputs`);
  const zx = await phase(all, async (b) =>
    (await readBarcodes({ data: b.data, width: b.width, height: b.height, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0], { formats: ['QRCode'], tryHarder: true, tryInvert: true, maxNumberOfSymbols: 4 }))
      .filter((r) => r.isValid && r.text)
      .map((r) => r.text),
  );
  const codes = (p: Phase) => [...p.found.values()].reduce((s, f) => s + f.size, 0);
  const row = (name: string, p: Phase) =>
    `${name.padEnd(10)} ${(p.ms / all.length).toFixed(1).padStart(8)} ms/img ${(p.ms / 1000).toFixed(1).padStart(7)} s total ${String(codes(p)).padStart(4)} codes  peak RSS ${p.peakRssMb.toFixed(0)} MB (+${p.rssGrowthMb.toFixed(0)} MB)`;
  console.log(row('zxing-wasm', zx));
  for (const [name, found] of zx.found) if (found.size) console.log(`  ${name}: ${[...found].sort().join(' ')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
