import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { type MaintenanceJobName, QUEUES } from '@listinglens/contracts';

/** A missed run is made up by the next one, so a failed run is not retried; a few are kept to look at. */
const MAINTENANCE_JOB_OPTIONS: JobsOptions = { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 1_000 } };

/**
 * Periodic jobs shared by every worker process: one BullMQ job scheduler per job name (id = name), so N
 * workers produce one run per interval, taken by whichever worker is free. Upserting an existing
 * scheduler with the same interval keeps its next run time, so every process may (and does) upsert it.
 */
@Injectable()
export class MaintenanceQueueProducer implements OnModuleDestroy {
  private readonly logger = new Logger(MaintenanceQueueProducer.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(@InjectQueue(QUEUES.maintenance) readonly queue: Queue) {}

  /**
   * Schedules `name` every `everyMs` now (applying a changed interval), then checks every `everyMs` that
   * the scheduler still exists: Redis losing its data (a restart without persistence, a flush) loses
   * the scheduler with it, and the reconcilers it runs are what recovers from exactly that.
   */
  keep(name: MaintenanceJobName, everyMs: number): void {
    const put = (onlyIfMissing: boolean) =>
      this.put(name, everyMs, onlyIfMissing).catch((err: unknown) => this.logger.warn({ err, name }, 'could not schedule a maintenance job; trying again'));
    void put(false);
    const timer = setInterval(() => void put(true), everyMs);
    timer.unref();
    this.timers.push(timer);
  }

  onModuleDestroy(): void {
    this.timers.splice(0).forEach((t) => clearInterval(t));
  }

  private async put(name: MaintenanceJobName, everyMs: number, onlyIfMissing: boolean): Promise<void> {
    if (onlyIfMissing && (await this.queue.getJobScheduler(name))) return;
    await this.queue.upsertJobScheduler(name, { every: everyMs }, { name, data: {}, opts: MAINTENANCE_JOB_OPTIONS });
    if (onlyIfMissing) this.logger.warn({ name }, 'maintenance schedule was missing from Redis; scheduled again');
  }
}
