// Worker-thread entry (run by CpuPool): zxing-cpp (WASM) over one RGBA band. The WASM module is loaded
// once per thread from the package's own .wasm file (no network: its default would fetch it).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

export interface ZxingQrInput {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface ZxingQrCode {
  payload: string;
  xs: number[];
  ys: number[];
}

let prepared = false;

function prepare(): void {
  if (prepared) return;
  const file = readFileSync(join(dirname(require.resolve('zxing-wasm/reader')), '..', '..', 'reader', 'zxing_reader.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer } });
  prepared = true;
}

/** Every QR code in the band (zxing finds several per pass, jsQR one). */
export async function decodeQrZxing({ data, width, height }: ZxingQrInput): Promise<ZxingQrCode[]> {
  prepare();
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  // zxing-wasm takes an ImageData; Node has none, and it reads only these fields.
  const image = { data: pixels, width, height, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0];
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, tryInvert: true, maxNumberOfSymbols: 4 });
  return results
    .filter((r) => r.isValid && r.text)
    .map((r) => {
      const p = r.position;
      return { payload: r.text, xs: [p.topLeft.x, p.topRight.x, p.bottomLeft.x, p.bottomRight.x], ys: [p.topLeft.y, p.topRight.y, p.bottomLeft.y, p.bottomRight.y] };
    });
}
