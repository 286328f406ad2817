import type { AiSignal } from '../signals/ai-signal';

export type AiBand = 'likely_ai' | 'possible' | 'no_signal';

export interface AiDecision {
  band: AiBand;
  /** Calibrated-as-far-as-we-can likelihood that the image was generated or edited by AI, 0..1. */
  likelihood: number;
  /** Why, in one line. */
  reason: string;
}

/**
 * With no signal we say nothing either way: most images carry no AI metadata whatever their origin
 * (re-encoding strips it), so absence is reported as this low prior, not as "real".
 */
export const NO_SIGNAL_LIKELIHOOD = 0.1;
/** Weak signals together never reach the likely_ai range. */
export const WEAK_ONLY_CAP = 0.65;
export const LIKELY_AI_MIN = 0.8;

/** Independent-evidence combination (noisy-OR): 1 − Π(1 − p). */
function noisyOr(signals: readonly AiSignal[]): number {
  return 1 - signals.reduce((rest, s) => rest * (1 - s.likelihood), 1);
}

/**
 * `likely_ai` needs at least one strong signal (provenance metadata or a decoded watermark); forensic and
 * other weak signals alone give at most `possible`.
 */
export function decideAiLikelihood(signals: readonly AiSignal[]): AiDecision {
  const strong = signals.filter((s) => s.strength === 'strong');
  const weak = signals.filter((s) => s.strength === 'weak');
  const round = (p: number) => Math.round(p * 1000) / 1000;
  if (strong.length > 0) {
    const likelihood = round(noisyOr(signals));
    const band: AiBand = likelihood >= LIKELY_AI_MIN ? 'likely_ai' : 'possible';
    return { band, likelihood, reason: strong.map((s) => s.summary).join(' ') };
  }
  if (weak.length > 0) {
    const likelihood = round(Math.min(WEAK_ONLY_CAP, noisyOr(weak)));
    return { band: 'possible', likelihood, reason: weak.map((s) => s.summary).join(' ') };
  }
  return {
    band: 'no_signal',
    likelihood: NO_SIGNAL_LIKELIHOOD,
    reason: 'No AI provenance, watermark or forensic trace found; absence of metadata proves nothing.',
  };
}
