import { compiledEntry, type CpuPool, type CpuTask, orientedSize, orientRaster, type RasterCache } from '@listinglens/pipeline';
import { type QrCodeHit, type QrCodeReader, qrBands } from '@listinglens/text-detectors';
import type { ZxingQrCode, ZxingQrInput } from './zxing-qr.task';

export interface ZxingQrCodeReaderOptions {
  /** The scan's shared decoded pixels: the image is decoded once for every band and size. */
  rasters: RasterCache;
  /** Where zxing runs: worker threads, never the event loop. */
  cpu: CpuPool;
  /** Long sides (px) each band is scanned at. A small code in a big photo needs the large size; a
   * large, noisy code is found more easily once shrunk. Default [1200, 600]. */
  scanSizes?: number[];
}

const QR_TASK: CpuTask = {
  file: compiledEntry(typeof __dirname === 'string' ? __dirname : undefined, 'libs/scanner/src/lib', 'zxing-qr.task.js'),
  name: 'decodeQrZxing',
};

/**
 * zxing-cpp (zxing-wasm) over the shared raster, in square-ish bands (qrBands), each at every scan size,
 * cut and scaled from the one decoded raster and decoded in a worker thread. Measured against jsQR on
 * the same band inputs (issue 22, README Figures): 13.5 against 207 ms per image, every code jsQR found
 * plus one on a brochure page, so jsQR was removed.
 */
export class ZxingQrCodeReader implements QrCodeReader {
  private readonly scanSizes: number[];

  constructor(private readonly options: ZxingQrCodeReaderOptions) {
    this.scanSizes = options.scanSizes ?? [1200, 600];
  }

  async read(bytes: Buffer, deadline: number): Promise<QrCodeHit[]> {
    const raster = await this.options.rasters.get(bytes);
    const { width, height } = orientedSize(raster);
    const hits: QrCodeHit[] = [];
    for (const band of qrBands(width, height)) {
      for (const size of this.scanSizes) {
        const scale = Math.min(1, size / Math.max(band.height, width));
        const { data, info } = await orientRaster(raster)
          .extract({ left: 0, top: band.top, width, height: band.height })
          .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(band.height * scale)))
          .flatten({ background: '#ffffff' })
          .ensureAlpha()
          .raw()
          .toBuffer({ resolveWithObject: true });
        // A copy the thread can own: sharp's buffers are not transferable.
        const owned = new Uint8Array(data);
        const input: ZxingQrInput = { data: owned, width: info.width, height: info.height };
        for (const code of await this.options.cpu.run<ZxingQrCode[]>(QR_TASK, input, { transfer: [owned.buffer], deadline })) {
          if (!hits.some((h) => h.payload === code.payload)) hits.push(toHit(code, band.top, scale));
        }
      }
    }
    return hits;
  }
}

function toHit(code: ZxingQrCode, top: number, scale: number): QrCodeHit {
  const x = Math.max(0, Math.floor(Math.min(...code.xs) / scale));
  const y = Math.max(0, Math.floor(Math.min(...code.ys) / scale) + top);
  return {
    payload: code.payload,
    box: { x, y, width: Math.ceil(Math.max(...code.xs) / scale) - x, height: Math.ceil(Math.max(...code.ys) / scale) + top - y },
    scale,
  };
}
