/** Stable per-image error codes: a bad image is recorded, never a crashed worker. */
export const IMAGE_ERROR_CODES = [
  'image.unreadable',
  'image.too_large',
  'image.fetch_failed',
  'image.unsupported',
  'image.ocr_failed',
  'image.time_budget_exceeded',
  /** A detector or signal source threw on this image; `detector` names it. The other checks still ran. */
  'image.detector_failed',
] as const;
export type ImageErrorCode = (typeof IMAGE_ERROR_CODES)[number];

export interface ImageErrorView {
  code: ImageErrorCode;
  message: string;
  /** The detector or signal source the error came from, where one did (`image.detector_failed`, a time budget). */
  detector?: string;
}
