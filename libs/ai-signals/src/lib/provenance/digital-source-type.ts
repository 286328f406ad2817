import type { AiClaimKind } from './provenance-types';

/**
 * IPTC digital source types (https://cv.iptc.org/newscodes/digitalsourcetype/) that mean generative AI.
 * `algorithmicMedia` (pure algorithm, no training data: fractals, procedural renders) and `digitalCapture`
 * are deliberately absent: they are not generative AI.
 */
const AI_SOURCE_TYPES: Record<string, AiClaimKind> = {
  trainedalgorithmicmedia: 'generated',
  compositesynthetic: 'generated',
  compositewithtrainedalgorithmicmedia: 'edited',
};

export interface SourceTypeVerdict {
  /** The short code, e.g. `trainedAlgorithmicMedia`. */
  code: string;
  ai: AiClaimKind | null;
}

/** Accepts the full IPTC URI or the short form; whitespace around it is ignored. */
export function classifyDigitalSourceType(value: string): SourceTypeVerdict | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const code = trimmed.replace(/[/#:]+$/, '').split(/[/#:]/).pop() ?? trimmed;
  return { code, ai: AI_SOURCE_TYPES[code.toLowerCase()] ?? null };
}
