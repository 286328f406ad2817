import type { Logger } from '@nestjs/common';

/**
 * A background loop that polls the database in batches: a full batch means more is waiting, so it goes
 * again at once; otherwise it sleeps `intervalMs`, backing off (up to 32×) while the batch keeps failing.
 * Shared by the outbox dispatcher and the Transparency Database submitter.
 */
export class PollLoop {
  private stopped = false;
  private wake?: () => void;
  private loop?: Promise<void>;

  constructor(
    private readonly batch: () => Promise<number>,
    private readonly options: { batchSize: number; intervalMs: number; logger: Logger; failure: string },
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let full = false;
      try {
        full = (await this.batch()) >= this.options.batchSize;
        failures = 0;
      } catch (err) {
        failures++;
        this.options.logger.error({ err }, this.options.failure);
      }
      if (!full) await this.sleep(this.options.intervalMs * Math.min(2 ** failures, 32));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
