import type { PixelDecoder, RawPixels } from '@listinglens/ai-signals';
import type { RasterCache } from '@listinglens/pipeline';
import sharp from 'sharp';

/**
 * The AI pixel statistics read the scan's shared raster instead of decoding the image again. The raster
 * keeps alpha exactly when the file has it, which is what the AI sources ask for; the conversions below
 * cover a container whose own alpha flag disagrees with sharp's.
 */
export class SharedRasterPixels implements PixelDecoder {
  constructor(private readonly rasters: RasterCache) {}

  async decode(bytes: Buffer, keepAlpha: boolean): Promise<RawPixels> {
    const raster = await this.rasters.get(bytes);
    const { width, height, channels, data } = raster;
    if (keepAlpha === (channels === 4)) return { width, height, channels, data };
    const image = sharp(data, { raw: { width, height, channels } });
    const converted = await (keepAlpha ? image.ensureAlpha() : image.removeAlpha()).raw().toBuffer();
    return { width, height, channels: keepAlpha ? 4 : 3, data: converted };
  }
}
