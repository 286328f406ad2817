/**
 * Calibration of the residual-spectrum peak statistic, measured by `npm run eval:ai` on
 * ../shared/corpus/provenance and ../shared/corpus/products on 2026-11-22:
 *  - AI-generated (6): 0.81, 1.40, 2.46, 2.60, 3.94, 5.67 (median 2.5)
 *  - camera / edited / product photos (27 labelled non-AI large enough to measure): median 1.5, max 4.47
 *  - the C2PA algorithmicMedia test image (a synthetic test card): 6.81
 * The threshold sits above every labelled non-AI image; at it 1 of 6 AI images fires. That is the honest
 * size of this signal: a hint for review, never grounds for a label (hence weak, capped at `possible`).
 */
export const SPECTRAL_PEAK_CALIBRATION = {
  threshold: 4.5,
  likelihoodAboveThreshold: 0.6,
  corpus: 'shared/corpus provenance+products, 6 AI / 27 non-AI, 2026-11-22',
  aiMedian: 2.5,
  nonAiMedian: 1.5,
  nonAiMax: 4.47,
  truePositiveRateAtThreshold: '1/6',
  falsePositiveRateAtThreshold: '0/27',
} as const;
