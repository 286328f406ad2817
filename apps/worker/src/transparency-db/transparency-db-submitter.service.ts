import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PollLoop } from '../poll-loop';
import { publicSubmission } from '@listinglens/policy';
import { type DueStatement, TransparencyDbSubmissionRepository } from '@listinglens/data-access';
import { WorkerMetrics } from '../metrics/worker-metrics';
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
  /** Set by a 401/403: nothing is taken before then (the token has to be fixed first). */
  private pausedUntil = 0;

  constructor(
    private readonly submissions: TransparencyDbSubmissionRepository,
    private readonly client: TransparencyDbClient,
    private readonly metrics: WorkerMetrics,
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
    if (Date.now() < this.pausedUntil) return 0;
    const due = await this.submissions.takeDue(this.config.TDB_BATCH, this.config.TDB_TIMEOUT_MS * 2 + 10_000);
    for (const [i, item] of due.entries()) {
      if (await this.submit(item)) continue;
      // The token was refused: the rest of the batch waits with it rather than be refused one by one.
      await this.submissions.pausedByAuth(
        due.slice(i + 1).map((d) => d.noticeId),
        { httpStatus: null, errors: { message: 'not sent: submission paused after the database refused the token' } },
        new Date(this.pausedUntil),
      );
      break;
    }
    return due.length;
  }

  /** Records the database's answer; false when it refused our token (submission is then paused). */
  private async submit(item: DueStatement): Promise<boolean> {
    // Sent as stored, without a check of our own first: what is recorded is the database's own answer
    // (the statements we build are checked against its rules by transparency-db-statements.spec.ts).
    // Personal data is masked again here: a row stored before masking existed must not publish it.
    const res = await this.client.submit(publicSubmission(item.statement as object));
    const outcome = readTdbAnswer(res);
    if (outcome.kind === 'auth') {
      this.pausedUntil = Date.now() + this.config.TDB_AUTH_PAUSE_MS;
      this.metrics.tdbAuthRefused(res.status ?? 0);
      this.logger.error(
        { noticeId: item.noticeId, status: res.status, errors: outcome.errors, pausedForMs: this.config.TDB_AUTH_PAUSE_MS },
        `Transparency Database answered ${res.status}: TDB_API_TOKEN is expired, revoked or not this platform's. ` +
          'Submission is paused and statements stay queued; set a valid token and restart the worker (statements refused before this pause existed: POST /v1/transparency-db/requeue)',
      );
      await this.submissions.pausedByAuth([item.noticeId], { httpStatus: res.status, errors: outcome.errors }, new Date(this.pausedUntil));
      return false;
    }
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
    return true;
  }
}
