import type { AnalyzedImage, SignalSource } from '@listinglens/pipeline';
import type { QrCodeHit, QrCodeReader } from '@listinglens/text-detectors';

/**
 * Starts each image's QR decoding when the scan starts, beside OCR, instead of when the contact detector
 * gets to it (after the image's text is read). One decode per image: keyed by the image's bytes (the
 * same Buffer for the whole scan), so the detector's read() gets the pass already under way. A failure
 * is left for the detector to record (its read() gets the same rejection), so it is recorded once.
 */
export class PrefetchedQrReader implements QrCodeReader, SignalSource {
  readonly id = 'qr.prefetch';
  private readonly pending = new WeakMap<Buffer, Promise<QrCodeHit[]>>();

  constructor(private readonly reader: QrCodeReader) {}

  read(bytes: Buffer, deadline: number): Promise<QrCodeHit[]> {
    let hits = this.pending.get(bytes);
    if (!hits) {
      hits = this.reader.read(bytes, deadline);
      this.pending.set(bytes, hits);
    }
    return hits;
  }

  async prepare(image: AnalyzedImage, deadline: number): Promise<void> {
    await this.read(image.bytes, deadline).catch(() => undefined);
  }
}
