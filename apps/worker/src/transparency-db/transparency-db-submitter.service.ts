import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PollLoop } from '../poll-loop';
import { toTdbSubmission } from '@listinglens/contracts';
import { type DueStatement, TransparencyDbSubmissionRepository } from '@listinglens/data-access';
import { readTdbAnswer } from './tdb-answer';
import { TransparencyDbClient } from './transparency-db-client';
import { TRANSPARENCY_DB_CONFIG, type TransparencyDbConfig } from './transparency-db-config';

/**
 * Sends queued statements of reasons to the DSA Transparency Database and records its answer on the
 * notice. Runs only when configured. Each taken statement is leased for longer than one request can
 * take, so a worker that dies mid-request leaves it to be taken again after the lease.
 */
@Injectable()
export class TransparencyDbSubmitterService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TransparencyDbSubmitterService.name);
  private loop?: PollLoop;

  constructor(
    private readonly submissions: TransparencyDbSubmissionRepository,
    private readonly client: TransparencyDbClient,
    @Inject(TRANSPARENCY_DB_CONFIG) private readonly config: TransparencyDbConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.TDB_API_URL) {
      this.logger.log('Transparency Database submission is off (TDB_API_URL and TDB_API_TOKEN not set); statements stay queued');
      return;
    }
    this.loop = new PollLoop(() => this.submitOnce(), {
      batchSize: this.config.TDB_BATCH,
      intervalMs: this.config.TDB_POLL_INTERVAL_MS,
      logger: this.logger,
      failure: 'Transparency Database submission failed',
    });
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** Submits one batch of due statements; returns how many it took. */
  async submitOnce(): Promise<number> {
    const due = await this.submissions.takeDue(this.config.TDB_BATCH, this.config.TDB_TIMEOUT_MS * 2 + 10_000);
    for (const item of due) await this.submit(item);
    return due.length;
  }

  private async submit(item: DueStatement): Promise<void> {
    // Sent as stored, without a check of our own first: what is recorded is the database's own answer
    // (the statements we build are checked against its rules by transparency-db-statements.spec.ts).
    const res = await this.client.submit(toTdbSubmission(item.statement as object));
    const outcome = readTdbAnswer(res);
    if (outcome.kind === 'accepted') {
      await this.submissions.accepted(item.noticeId, { httpStatus: res.status, uuid: outcome.uuid });
    } else if (outcome.kind === 'refused') {
      this.logger.warn({ noticeId: item.noticeId, status: res.status, errors: outcome.errors }, 'Transparency Database refused a statement');
      await this.submissions.refused(item.noticeId, { httpStatus: res.status, errors: outcome.errors });
    } else {
      const delay = this.config.TDB_RETRY_SCHEDULE_MS[item.attempts];
      // Jitter (up to 10 %) so statements that failed together do not all come back together.
      const next = delay === undefined ? null : new Date(Date.now() + delay + Math.floor(Math.random() * delay * 0.1));
      await this.submissions.retry(item.noticeId, { httpStatus: res.status, errors: outcome.errors }, next);
    }
  }
}
