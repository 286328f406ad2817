import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EvidenceRepository } from '@listinglens/data-access';
import { MaintenanceQueueProducer } from '@listinglens/queue';
import { WORKER_CONFIG, type WorkerConfig } from '../config';

const DAY_MS = 24 * 3600 * 1000;

/** EVIDENCE_RETENTION_DAYS, applied by the `evidence.expire` maintenance job (one worker per interval). */
@Injectable()
export class EvidenceRetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceRetentionService.name);

  constructor(
    private readonly evidence: EvidenceRepository,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly maintenance: MaintenanceQueueProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.maintenance.keep('evidence.expire', this.config.EVIDENCE_RETENTION_INTERVAL_MS);
  }

  async expire(now = new Date()): Promise<number> {
    const removed = await this.evidence.expire(new Date(now.getTime() - this.config.EVIDENCE_RETENTION_DAYS * DAY_MS));
    if (removed > 0) this.logger.log({ removed, retentionDays: this.config.EVIDENCE_RETENTION_DAYS }, 'expired evidence removed');
    return removed;
  }
}
