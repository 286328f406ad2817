import type { HashListMatcher } from '@listinglens/contracts';
import type { Detector } from '@listinglens/pipeline';
import { AiForensicDetector } from './detectors/ai-forensic.detector';
import { AiProvenanceDetector } from './detectors/ai-provenance.detector';
import { AiUndisclosedDetector } from './detectors/ai-undisclosed.detector';
import { AiWatermarkDetector } from './detectors/ai-watermark.detector';
import { ImageListedMatchDetector } from './detectors/image-listed-match.detector';
import { ImageReusedDetector } from './detectors/image-reused.detector';
import { ImageAiAssessor, type AiAssessorOptions } from './image-ai-assessor';
import type { GreySource } from './reuse/centre-hash';
import type { PhashIndex } from './reuse/phash-index';

export interface AiDetectorOptions extends AiAssessorOptions {
  /** Share an assessor (and its per-image cache) with other callers; built from the options otherwise. */
  assessor?: ImageAiAssessor;
  /** When given, `image.reused` is added (service only: the CLI has no stored listings). */
  phashIndex?: PhashIndex;
  /** Hamming threshold for reuse; defaults to REUSE_MAX_DISTANCE. */
  reuseMaxDistance?: number;
  /** When given, `image.listed_match` is added: every image against the enabled hash lists. */
  hashLists?: HashListMatcher;
  /** Where image.reused's centre hash reads pixels (the scanner: its shared raster); default: decode again. */
  reuseGrey?: GreySource;
}

/** The AI-image detectors sharing one assessment per image: provenance, watermark, forensic, undisclosed. */
export function createAiDetectors(options: AiDetectorOptions = {}): Detector[] {
  const assessor = options.assessor ?? new ImageAiAssessor(options);
  const detectors: Detector[] = [
    new AiProvenanceDetector(assessor),
    new AiWatermarkDetector(assessor),
    new AiForensicDetector(assessor),
    new AiUndisclosedDetector(assessor),
  ];
  if (options.phashIndex) {
    detectors.push(new ImageReusedDetector({ index: options.phashIndex, maxDistance: options.reuseMaxDistance, grey: options.reuseGrey }));
  }
  if (options.hashLists) detectors.push(new ImageListedMatchDetector(options.hashLists));
  return detectors;
}
