import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ScanRepository } from '@listinglens/data-access';
import { MaintenanceQueueProducer, ScanQueueProducer } from '@listinglens/queue';
import { WORKER_CONFIG, type WorkerConfig } from './config';

/**
 * Nothing accepted is lost: a scan that stays unfinished (the api died between commit and enqueue,
 * Redis lost its data, a failed job whose final mark did not reach PostgreSQL) is enqueued again.
 * jobId = scanId, so a job still waiting or running is not doubled. It runs as the `scan.reconcile`
 * maintenance job, once per RECONCILE_INTERVAL_MS however many workers run (MaintenanceProcessor).
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    private readonly scans: ScanRepository,
    private readonly queue: ScanQueueProducer,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly maintenance: MaintenanceQueueProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.maintenance.keep('scan.reconcile', this.config.RECONCILE_INTERVAL_MS);
  }

  async reconcile(): Promise<number> {
    // Each job keeps the request id of the ingest, so its logs still lead back to the HTTP request.
    const scans = await this.scans.findUnfinished(this.config.RECONCILE_AFTER_MS);
    await this.queue.requeue(scans);
    if (scans.length > 0) this.logger.log({ count: scans.length, scans }, 're-enqueued unfinished scans');
    return scans.length;
  }
}
