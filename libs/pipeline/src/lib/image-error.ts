import type { ImageErrorCode, ImageErrorView } from '@listinglens/contracts';

/** A failure that belongs to one image: recorded on the image, never fatal to the scan. */
export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }

  toView(): ImageErrorView {
    return { code: this.code, message: this.message };
  }
}
