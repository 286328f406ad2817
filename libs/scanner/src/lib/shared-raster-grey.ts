import { type GreySource, shrinkGrey, type ViewerGrey } from '@listinglens/ai-signals';
import { orientRaster, type RasterCache } from '@listinglens/pipeline';

/**
 * The centre hash (image.reused) reads the scan's shared raster, which the AI detectors before it have
 * decoded already, instead of decoding the image a second time. Turned and flattened as a viewer sees it,
 * as the pipeline's pHash and centre-hash.ts's own decode do.
 */
export class SharedRasterGrey implements GreySource {
  constructor(private readonly rasters: RasterCache) {}

  async grey(bytes: Buffer): Promise<ViewerGrey> {
    const raster = await this.rasters.get(bytes);
    return shrinkGrey(orientRaster(raster).flatten({ background: '#ffffff' }).greyscale());
  }
}
