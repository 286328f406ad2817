import type { ForensicStatisticEvidence, ModelScoreEvidence, ProvenanceClaimEvidence, WatermarkMatchEvidence } from '@listinglens/contracts';
import type { AnalyzedImage } from '@listinglens/pipeline';
import type { ImageMetadata } from '../containers/image-metadata';
import type { RawPixels } from '../pixels';

/**
 * Strong signals (provenance metadata, a decoded watermark) can make an image `likely_ai`; weak ones
 * (forensic statistics, and any future model score until it is calibrated on marketplace images) can
 * only make it `possible`.
 */
export type SignalStrength = 'strong' | 'weak';
export type SignalKind = 'provenance' | 'watermark' | 'forensic' | 'model';

interface AiSignalBase {
  /** Stable id of what fired, e.g. `c2pa.digital-source-type`, `watermark.sdxl`. */
  id: string;
  strength: SignalStrength;
  /** P(AI-generated or AI-edited | this signal alone), 0..1, from the calibration noted on the source. */
  likelihood: number;
  /** One sentence a reviewer or seller can read. */
  summary: string;
}

/** A signal; its kind says what its evidence is (the ai.* findings carry it, typed in contracts). */
export type AiSignal =
  | (AiSignalBase & { kind: 'provenance'; evidence: ProvenanceClaimEvidence })
  | (AiSignalBase & { kind: 'watermark'; evidence: WatermarkMatchEvidence })
  | (AiSignalBase & { kind: 'forensic'; evidence: ForensicStatisticEvidence })
  | (AiSignalBase & { kind: 'model'; evidence: ModelScoreEvidence });

/** What a signal source may look at. Pixels are decoded once, on first use, and shared. */
export interface SignalInput {
  image: AnalyzedImage;
  metadata: ImageMetadata;
  pixels(): Promise<RawPixels | null>;
  /** Epoch ms by which each heavy step on this image must end (the scan's step deadline). */
  deadline: number;
}

/**
 * A source of AI-image signals. Local readers ship today; a model-based or remote detector plugs in here
 * later (it declares `kind: 'model'` and `strength: 'weak'` until calibrated), nothing else changes.
 */
export interface AiSignalSource {
  readonly id: string;
  readonly version: number;
  readonly kind: SignalKind;
  analyze(input: SignalInput): Promise<AiSignalResult>;
}

/** Signals that fired, plus what the source measured even when nothing fired (for evidence and eval). */
export interface AiSignalResult {
  signals: AiSignal[];
  measurements: Record<string, unknown>;
}
