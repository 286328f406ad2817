import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ScanRepository } from '@listinglens/data-access';
import { ScanQueueProducer } from '@listinglens/queue';
import { WORKER_CONFIG, type WorkerConfig } from './config';

/**
 * Nothing accepted is lost: a scan that stays unfinished (the api died between commit and enqueue,
 * Redis lost its data) is enqueued again. jobId = scanId, so a job that still exists is not doubled.
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
    const ids = await this.scans.findUnfinished(this.config.RECONCILE_AFTER_MS);
    await this.queue.enqueue(ids.map((scanId) => ({ scanId })));
    if (ids.length > 0) this.logger.log({ count: ids.length }, 're-enqueued unfinished scans');
    return ids.length;
  }
}
