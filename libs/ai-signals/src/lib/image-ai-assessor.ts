import type { ImageErrorCode } from '@listinglens/contracts';
import { type AnalyzedImage, ImageError } from '@listinglens/pipeline';
import { readImageMetadata } from './containers/image-metadata';
import { decideAiLikelihood, type AiDecision } from './decision/ai-likelihood';
import type { AiSignalsSettings } from './ai-signals-settings';
import { modelSources } from './model/model-sources';
import { inlinePixelStatistics, type PixelStatistics } from './pixel-statistics';
import { SharpPixelDecoder, type PixelDecoder, type RawPixels } from './pixels';
import { WasmC2paReader, type C2paReader } from './provenance/c2pa-reader';
import type { ProvenanceReport } from './provenance/provenance-types';
import { trustListFrom } from './provenance/c2pa-trust';
import type { AiSignal, SignalInput } from './signals/ai-signal';
import { ForensicSignalSource } from './signals/forensic-signal-source';
import { ProvenanceSignalSource } from './signals/provenance-signal-source';
import { AiSignalRegistry } from './signals/signal-registry';
import { WatermarkSignalSource } from './signals/watermark-signal-source';

/** Everything known about one image's AI origin: the decision, the signals behind it, the measurements. */
export interface ImageAiAssessment extends AiDecision {
  imagePosition: number;
  signals: AiSignal[];
  /** Per source: what it measured, fired or not (provenance report, watermark bits, statistic). */
  measurements: Record<string, unknown>;
  /** Sources that failed on this image; their absence lowers what we can say, never raises it. */
  errors: { source: string; message: string; code?: ImageErrorCode }[];
  sources: string[];
}

export interface AiAssessorOptions {
  c2paReader?: C2paReader;
  pixelDecoder?: PixelDecoder;
  /** Replace the default sources (provenance, watermark, forensic), e.g. to add a model later. */
  registry?: AiSignalRegistry;
  /** Skip the forensic statistic (it costs ~40 ms an image and is weak evidence). */
  forensic?: boolean;
  /** Where the watermark and forensic statistics run (the scanner: worker threads). Default: inline. */
  pixelStatistics?: PixelStatistics;
  /** The operator's trust list and pixel detectors (the app's settings). Default: none of either. */
  settings?: AiSignalsSettings;
}

/** Provenance, watermark, forensic, then any detector the operator configured (model-sources.ts). */
export function defaultSignalRegistry(
  c2paReader: C2paReader,
  forensic = true,
  settings: AiSignalsSettings | null = null,
  stats: PixelStatistics = inlinePixelStatistics,
): AiSignalRegistry {
  const registry = new AiSignalRegistry([new ProvenanceSignalSource(c2paReader), new WatermarkSignalSource(stats)]);
  if (forensic) registry.register(new ForensicSignalSource(stats));
  if (settings) modelSources(settings).forEach((source) => registry.register(source));
  return registry;
}

/**
 * Runs every registered signal source over an image and decides. Results are cached per image object,
 * so the four AI detectors of one scan share a single assessment.
 */
export class ImageAiAssessor {
  private readonly registry: AiSignalRegistry;
  private readonly decoder: PixelDecoder;
  private readonly cache = new WeakMap<AnalyzedImage, Promise<ImageAiAssessment>>();

  constructor(options: AiAssessorOptions = {}) {
    this.decoder = options.pixelDecoder ?? new SharpPixelDecoder();
    this.registry =
      options.registry ??
      defaultSignalRegistry(
        options.c2paReader ?? new WasmC2paReader(trustListFrom(options.settings?.C2PA_TRUST_ANCHORS)),
        options.forensic ?? true,
        options.settings ?? null,
        options.pixelStatistics,
      );
  }

  /** @param deadline epoch ms for each heavy step (the first caller's; later callers share the result) */
  assess(image: AnalyzedImage, deadline = Date.now() + 60_000): Promise<ImageAiAssessment> {
    let pending = this.cache.get(image);
    if (!pending) {
      pending = this.run(image, deadline);
      this.cache.set(image, pending);
    }
    return pending;
  }

  private async run(image: AnalyzedImage, deadline: number): Promise<ImageAiAssessment> {
    const metadata = readImageMetadata(image.bytes, image.format);
    let decoded: Promise<RawPixels | null> | null = null;
    const input: SignalInput = {
      image,
      metadata,
      pixels: () => {
        decoded ??= this.decoder.decode(image.bytes, metadata.hasAlpha).catch(() => null);
        return decoded;
      },
      deadline,
    };
    const signals: AiSignal[] = [];
    const measurements: Record<string, unknown> = { container: metadata.container, hasC2pa: metadata.hasC2pa };
    const errors: ImageAiAssessment['errors'] = [];
    for (const source of this.registry.sources()) {
      try {
        const result = await source.analyze(input);
        signals.push(...result.signals);
        Object.assign(measurements, result.measurements);
      } catch (err) {
        const code = err instanceof ImageError ? { code: err.code } : {};
        errors.push({ source: source.id, message: err instanceof Error ? err.message : String(err), ...code });
      }
    }
    const capture = (measurements['provenance'] as ProvenanceReport | undefined)?.c2pa?.trustedCapture === true;
    if (capture) signals.splice(0, signals.length, ...signals.map(discountWeak));
    return {
      imagePosition: image.position,
      ...decideAiLikelihood(signals),
      signals,
      measurements,
      errors,
      sources: this.registry.versions(),
    };
  }
}

/**
 * A camera's capture claim, signed by a certificate on the operator's trust list, is evidence of a real
 * photo: weak pixel statistics (forensic peaks, uncalibrated models) count half. Strong signals are kept
 * (a trusted capture later edited with AI still says so in its own manifest).
 */
export const TRUSTED_CAPTURE_WEAK_FACTOR = 0.5;

function discountWeak(signal: AiSignal): AiSignal {
  if (signal.strength !== 'weak' || (signal.kind !== 'forensic' && signal.kind !== 'model')) return signal;
  return halved(signal);
}

function halved<S extends AiSignal & { kind: 'forensic' | 'model' }>(signal: S): S {
  return {
    ...signal,
    likelihood: Math.round(signal.likelihood * TRUSTED_CAPTURE_WEAK_FACTOR * 1000) / 1000,
    summary: `${signal.summary} Counted at half weight: a trusted C2PA manifest says a camera captured this image.`,
    evidence: { ...signal.evidence, trustedCaptureFactor: TRUSTED_CAPTURE_WEAK_FACTOR },
  };
}
