import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ScanOutcome, StoredImageSource } from '@listinglens/contracts';
import { EvidenceRepository, type EvidenceToKeep } from '@listinglens/data-access';
import { type AnalyzedImage, renderEvidence } from '@listinglens/pipeline';
import { WORKER_CONFIG, type WorkerConfig } from '../config';

/**
 * Keeps the bytes a scan judged for every image with a finding, and every image of a listing the policy
 * sends to review, in the evidence store; the others keep only their hashes and metadata.
 */
@Injectable()
export class EvidenceKeeperService {
  private readonly logger = new Logger(EvidenceKeeperService.name);

  constructor(
    private readonly evidence: EvidenceRepository,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /**
   * A url image whose bytes this listing kept before is read from the store, not from the seller's
   * server, which may serve other pixels now (or serve the reviewer one picture and buyers another).
   */
  async sources(listingId: string, images: ReadonlyArray<{ position: number; source: StoredImageSource }>): Promise<StoredImageSource[]> {
    return Promise.all(
      images.map(async ({ source }) => {
        if (source.kind !== 'url') return source;
        const bytes = await this.evidence.keptForUrl(listingId, source.url);
        return bytes ? { kind: 'inline' as const, bytes } : source;
      }),
    );
  }

  /** Stores what must be kept; returns the positions now backed by the store. */
  async keep(outcome: Pick<ScanOutcome, 'images' | 'findings'>, loaded: ReadonlyMap<number, AnalyzedImage>, toReview: boolean): Promise<Set<number>> {
    const wanted = new Set<number>(toReview ? loaded.keys() : []);
    for (const f of outcome.findings) if (f.imagePosition !== null && loaded.has(f.imagePosition)) wanted.add(f.imagePosition);
    if (wanted.size === 0) return wanted;
    const images = [...wanted].map((p) => loaded.get(p)).filter((i): i is AnalyzedImage => i !== undefined);
    const stored = await this.evidence.stored(images.map((i) => i.sha256));
    const kept = new Set<number>();
    const items: Array<EvidenceToKeep | { sha256: string }> = [];
    for (const image of images) {
      if (stored.has(image.sha256)) {
        items.push({ sha256: image.sha256 });
        kept.add(image.position);
        continue;
      }
      try {
        const { thumb, display } = await renderEvidence(image.bytes, image.format, this.config.IMAGE_MAX_PIXELS);
        items.push({ sha256: image.sha256, format: image.format, bytes: image.bytes, width: image.width, height: image.height, thumb, display });
        kept.add(image.position);
      } catch (err) {
        // The scan decoded it, so this is rare (an engine limit): the image keeps its hashes only, said in its view.
        this.logger.warn({ err, sha256: image.sha256 }, 'evidence rendering failed; bytes not kept');
      }
    }
    await this.evidence.keep(items);
    return kept;
  }
}

