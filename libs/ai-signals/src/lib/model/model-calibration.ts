import type { AiSignal } from '../signals/ai-signal';

/**
 * How the operator says a model's score should be read, measured on their own images: scores at or above
 * `threshold` fire, and `likelihood` is P(AI | fired) they measured there. Published detectors fall to
 * 50–75 % on generators they were not trained on, so without the operator's figure a score is never read
 * as more than weak evidence; the default likelihood (0.6) says exactly that.
 */
export interface ModelCalibration {
  threshold: number;
  likelihood: number;
  /** Where the figures come from ("operator eval 2026-11, 4,000 listings"), shown in evidence. */
  source: string;
}

export const UNCALIBRATED: ModelCalibration = { threshold: 0.9, likelihood: 0.6, source: 'uncalibrated default' };

export function checkCalibration(c: Partial<ModelCalibration> | undefined, where: string): ModelCalibration {
  // Keys given as undefined (an unset env variable) keep the default.
  const given = Object.fromEntries(Object.entries(c ?? {}).filter(([, v]) => v !== undefined));
  const merged = { ...UNCALIBRATED, ...given } as ModelCalibration;
  for (const key of ['threshold', 'likelihood'] as const) {
    if (!(typeof merged[key] === 'number' && merged[key] >= 0 && merged[key] <= 1)) throw new Error(`${where}: calibration.${key} must be a number in 0..1`);
  }
  return merged;
}

/** A model score as a signal: weak (never alone enough for likely_ai), named, with its raw score. */
export function modelSignal(id: string, model: string, score: number, calibration: ModelCalibration, evidence: Record<string, unknown>): AiSignal[] {
  if (!(score >= calibration.threshold)) return [];
  return [
    {
      id,
      kind: 'model',
      strength: 'weak',
      likelihood: calibration.likelihood,
      summary:
        `The detector ${model} scores this image ${score.toFixed(3)} as AI-generated (fires at ${calibration.threshold}; ` +
        `${calibration.source}: ${Math.round(calibration.likelihood * 100)} % of images it fires on are AI). Weak evidence on its own.`,
      evidence: { model, rawScore: score, calibration, ...evidence },
    },
  ];
}
