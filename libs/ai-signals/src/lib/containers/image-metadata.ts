import { readExifFields, type ExifFields } from './exif-fields';
import { readJpegMetadata } from './jpeg-segments';
import { readPngChunks, type PngTextEntry } from './png-chunks';
import { readWebpMetadata } from './riff-chunks';

export type ContainerFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'other';

/** Everything a file says about itself outside its pixels, in one shape whatever the container. */
export interface ImageMetadata {
  container: ContainerFormat;
  texts: PngTextEntry[];
  exif: ExifFields | null;
  xmp: string[];
  comments: string[];
  /** A C2PA manifest store is embedded (JPEG APP11, PNG caBX, WebP C2PA). */
  hasC2pa: boolean;
  hasAlpha: boolean;
}

/** `format` comes from magic bytes (AnalyzedImage.format), never from a file name. */
export function readImageMetadata(bytes: Buffer, format: string): ImageMetadata {
  const metadata = readContainer(bytes, format);
  // XMP kept in an EXIF/TIFF tag 700 (TIFF files, some PNG eXIf writers) counts like any other packet.
  if (metadata.exif?.xmp) metadata.xmp = [...metadata.xmp, metadata.exif.xmp];
  return metadata;
}

function readContainer(bytes: Buffer, format: string): ImageMetadata {
  const empty: ImageMetadata = {
    container: 'other',
    texts: [],
    exif: null,
    xmp: [],
    comments: [],
    hasC2pa: false,
    hasAlpha: false,
  };
  if (format === 'png') {
    const png = readPngChunks(bytes);
    return {
      ...empty,
      container: 'png',
      texts: png.texts,
      exif: png.exif ? readExifFields(png.exif) : null,
      xmp: png.xmp ? [png.xmp] : [],
      hasC2pa: png.hasC2pa,
      hasAlpha: png.hasAlpha,
    };
  }
  if (format === 'jpeg') {
    const jpeg = readJpegMetadata(bytes);
    return {
      ...empty,
      container: 'jpeg',
      exif: jpeg.exif ? readExifFields(jpeg.exif) : null,
      xmp: jpeg.xmp,
      comments: jpeg.comments,
      hasC2pa: jpeg.hasC2pa,
    };
  }
  if (format === 'webp') {
    const webp = readWebpMetadata(bytes);
    return {
      ...empty,
      container: 'webp',
      exif: webp.exif ? readExifFields(webp.exif) : null,
      xmp: webp.xmp ? [webp.xmp] : [],
      hasC2pa: webp.hasC2pa,
    };
  }
  if (format === 'tiff') {
    // A TIFF file is itself the structure EXIF borrows: its IFD0 holds Software, Make, XMP (tag 700).
    return { ...empty, container: 'tiff', exif: readExifFields(bytes) };
  }
  return empty;
}
