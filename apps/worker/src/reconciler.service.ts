import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ScanRepository } from '@listinglens/data-access';
import { ScanQueueProducer } from '@listinglens/queue';
import { WORKER_CONFIG, type WorkerConfig } from './config';

/**
 * Nothing accepted is lost: a scan that stays unfinished (the api died between commit and enqueue,
 * Redis lost its data, a failed job whose final mark did not reach PostgreSQL) is enqueued again.
 * jobId = scanId, so a job still waiting or running is not doubled.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconcilerService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly scans: ScanRepository,
    private readonly queue: ScanQueueProducer,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reconcile().catch((err: unknown) => this.logger.error(err)), this.config.RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async reconcile(): Promise<number> {
    // Each job keeps the request id of the ingest, so its logs still lead back to the HTTP request.
    const scans = await this.scans.findUnfinished(this.config.RECONCILE_AFTER_MS);
    await this.queue.requeue(scans);
    if (scans.length > 0) this.logger.log({ count: scans.length, scans }, 're-enqueued unfinished scans');
    return scans.length;
  }
}
