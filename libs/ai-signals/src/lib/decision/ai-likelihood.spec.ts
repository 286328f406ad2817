import { describe, expect, it } from 'vitest';
import { UNCALIBRATED } from '../model/model-calibration';
import type { AiSignal } from '../signals/ai-signal';
import { decideAiLikelihood, NO_SIGNAL_LIKELIHOOD } from './ai-likelihood';

const signal = (strength: AiSignal['strength'], likelihood: number): AiSignal => ({
  id: `s.${strength}`,
  kind: 'model',
  strength,
  likelihood,
  summary: `${strength} signal`,
  evidence: { model: 'test', rawScore: likelihood, calibration: UNCALIBRATED },
});

describe('decideAiLikelihood', () => {
  it('is no_signal with the low prior when nothing fired', () => {
    expect(decideAiLikelihood([])).toMatchObject({ band: 'no_signal', likelihood: NO_SIGNAL_LIKELIHOOD });
  });

  it('needs a strong signal for likely_ai', () => {
    expect(decideAiLikelihood([signal('strong', 0.95)]).band).toBe('likely_ai');
    const weakOnly = decideAiLikelihood([signal('weak', 0.9), signal('weak', 0.9), signal('weak', 0.9)]);
    expect(weakOnly.band).toBe('possible');
    expect(weakOnly.likelihood).toBeLessThanOrEqual(0.65);
  });

  it('combines independent signals (noisy-OR)', () => {
    expect(decideAiLikelihood([signal('strong', 0.9), signal('weak', 0.6)]).likelihood).toBe(0.96);
  });
});
