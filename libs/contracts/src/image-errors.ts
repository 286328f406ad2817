/** Stable per-image error codes: a bad image is recorded, never a crashed worker. */
export const IMAGE_ERROR_CODES = [
  'image.unreadable',
  'image.too_large',
  'image.fetch_failed',
  'image.unsupported',
  'image.ocr_failed',
  'image.time_budget_exceeded',
] as const;
export type ImageErrorCode = (typeof IMAGE_ERROR_CODES)[number];

export interface ImageErrorView {
  code: ImageErrorCode;
  message: string;
}
