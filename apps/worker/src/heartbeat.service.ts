import { writeFile } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { ScanProcessor } from './scan.processor';

export const HEARTBEAT_INTERVAL_MS = 10_000;

/**
 * The worker has no HTTP port for a container healthcheck, so while its BullMQ scan worker runs it
 * writes the time to WORKER_HEARTBEAT_FILE every 10 s; docker-compose's healthcheck
 * (tools/worker-healthcheck.cjs) calls the worker unhealthy when the file is older than 30 s.
 * A timer, not a BullMQ job scheduler like the reconcilers: each process vouches for itself.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly scans: ScanProcessor,
  ) {}

  onApplicationBootstrap(): void {
    const file = this.config.WORKER_HEARTBEAT_FILE;
    if (!file) return;
    const beat = async () => {
      if (!this.scans.worker.isRunning()) return;
      try {
        await writeFile(file, String(Date.now()));
      } catch (err) {
        this.logger.warn(`no heartbeat: ${(err as Error).message}`);
      }
    };
    void beat();
    this.timer = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
