import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IngestResult, ListingBody, ListingSubmission, StoredImageSource } from '@listinglens/contracts';
import { ListingRepository } from '@listinglens/data-access';
import { ScanQueueProducer } from '@listinglens/queue';
import { ValidationError } from '../common/api-error';
import { API_CONFIG, type ApiConfig } from '../config';

/**
 * Accepts listings: store each version with its scan (one atomic statement), then enqueue only what is new.
 * If the process dies between the two, the worker's reconciler finds the queued scan and enqueues it.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    private readonly listings: ListingRepository,
    private readonly queue: ScanQueueProducer,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async ingest(bodies: ListingBody[], requestId: string): Promise<IngestResult[]> {
    const inputs = bodies.map((body, index) => this.toInput(body, bodies.length > 1 ? `listings[${index}].` : ''));
    // All at once: the repository groups concurrent ingests into shared statements (group commit).
    const results = await Promise.all(inputs.map((input) => this.listings.ingest(input, requestId)));
    try {
      await this.queue.enqueue(results.filter((r) => r.created).map((r) => ({ scanId: r.scanId, requestId })));
    } catch (err) {
      // The listings and their scans are committed: the worker's reconciler enqueues scans left queued,
      // so a Redis outage delays scanning but loses nothing, and the caller still gets its 202.
      this.logger.warn({ err, requestId }, 'enqueue failed; scans stay queued for the reconciler');
    }
    return results;
  }

  private toInput(body: ListingBody, prefix: string): ListingSubmission {
    const images: StoredImageSource[] = body.images.map((image, index) => {
      if (image.url !== undefined) return { kind: 'url', url: image.url };
      const bytes = Buffer.from(image.dataBase64 ?? '', 'base64');
      if (bytes.length > this.config.IMAGE_MAX_BYTES) {
        throw new ValidationError([
          { field: `${prefix}images[${index}].dataBase64`, message: `${bytes.length} bytes, over the limit of ${this.config.IMAGE_MAX_BYTES}` },
        ]);
      }
      return { kind: 'inline', bytes };
    });
    return { ...body, images };
  }
}
