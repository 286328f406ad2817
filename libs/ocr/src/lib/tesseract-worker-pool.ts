import { BusyMeter, type PoolUsage } from '@listinglens/pipeline';
import { createWorker, type Page, type Worker } from 'tesseract.js';
import { OcrClosedError, OcrTimeoutError } from './ocr-errors';

export interface WorkerPoolOptions {
  languages: readonly string[];
  langPath: string;
  workerPath: string;
  size: number;
  /** Tesseract parameters set once per worker (e.g. tessedit_pageseg_mode). */
  parameters?: Record<string, string>;
}

/** One recognition request: an image (encoded PNG) and the deadline it must meet. */
interface Job {
  image: Buffer;
  deadline: number;
  timeoutMs: number;
  resolve: (page: Page) => void;
  reject: (err: unknown) => void;
}

// tesseract.js OEM.LSTM_ONLY: the data we ship has no legacy model, and LSTM is the accurate engine.
const OEM_LSTM_ONLY = 1;

/**
 * A fixed set of tesseract.js workers (each a Node worker_thread running the wasm engine), so OCR runs
 * beside the event loop, never on it. Jobs queue in FIFO order. A job that passes its deadline cannot be
 * cancelled inside wasm, so its worker is terminated and replaced, and the job fails with OcrTimeoutError.
 * Workers start lazily on the first job, so building a reader costs nothing until it is used.
 */
export class TesseractWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private started = 0;
  private closed = false;
  private readonly busy = new Set<Promise<unknown>>();
  private readonly busyTime = new BusyMeter();

  constructor(private readonly options: WorkerPoolOptions) {}

  recognize(image: Buffer, deadline: number, timeoutMs: number): Promise<Page> {
    if (this.closed) return Promise.reject(new OcrClosedError());
    return new Promise<Page>((resolve, reject) => {
      this.queue.push({ image, deadline, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Starts every worker now (e.g. at service start) instead of on first use. */
  async warmUp(): Promise<void> {
    const fresh: Promise<Worker>[] = [];
    while (this.started < this.options.size) {
      this.started++;
      fresh.push(this.spawn());
    }
    const workers = await Promise.all(fresh);
    this.idle.push(...workers);
    this.pump();
  }

  /** Workers, their busy time so far (from when a worker takes a job until it answers, fails or times out)
   * and jobs waiting for one. */
  usage(): PoolUsage {
    return { slots: this.options.size, busySeconds: this.busyTime.busySeconds, queued: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new OcrClosedError());
    await Promise.allSettled([...this.busy]);
    await Promise.allSettled(this.idle.splice(0).map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const worker = this.idle.pop();
      if (worker) {
        const job = this.queue.shift() as Job;
        this.track(this.runOn(worker, job));
      } else if (this.started < this.options.size) {
        this.started++;
        this.track(
          this.spawn().then(
            (w) => {
              this.idle.push(w);
              this.pump();
            },
            (err: unknown) => {
              this.started--;
              // Worker start failed (bad language data): fail the waiting jobs instead of hanging.
              for (const job of this.queue.splice(0)) job.reject(err);
            },
          ),
        );
      } else {
        return;
      }
    }
  }

  private track(work: Promise<unknown>): void {
    this.busy.add(work);
    void work.finally(() => this.busy.delete(work));
  }

  private async runOn(worker: Worker, job: Job): Promise<void> {
    const remaining = job.deadline - Date.now();
    if (remaining <= 0) {
      this.idle.push(worker);
      job.reject(new OcrTimeoutError(job.timeoutMs));
      this.pump();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), remaining);
    });
    const work = worker.recognize(job.image, {}, { text: false, blocks: true });
    const idle = this.busyTime.start();
    try {
      const outcome = await Promise.race([work, timedOut]);
      if (outcome === 'timeout') {
        job.reject(new OcrTimeoutError(job.timeoutMs));
        work.catch(() => undefined);
        idle();
        await this.replace(worker);
      } else {
        idle();
        job.resolve(outcome.data);
        this.idle.push(worker);
      }
    } catch (err) {
      idle();
      job.reject(err);
      // A failed job may have left the engine in a bad state; a fresh worker costs ~0.5 s.
      await this.replace(worker);
    } finally {
      clearTimeout(timer);
    }
    this.pump();
  }

  private async replace(worker: Worker): Promise<void> {
    await worker.terminate().catch(() => undefined);
    if (this.closed) {
      this.started--;
      return;
    }
    try {
      this.idle.push(await this.spawn());
    } catch {
      this.started--;
    }
  }

  private spawn(): Promise<Worker> {
    const { languages, langPath, workerPath } = this.options;
    return new Promise<Worker>((resolve, reject) => {
      let started = false;
      createWorker([...languages], OEM_LSTM_ONLY, {
        langPath,
        workerPath,
        gzip: false,
        // 'none': never read or write a traineddata cache in the working directory.
        cacheMethod: 'none',
        // tesseract.js rethrows a failed job inside its message listener (an uncaught exception) unless
        // a handler is set. Once started, the job's own promise carries the error. Before that, a failed
        // language load leaves createWorker() pending forever (it swallows the rejection), so this handler
        // is the only way to learn the worker cannot start. That worker thread cannot be reached to
        // terminate it; language files are checked before spawning so this stays a misconfiguration path.
        errorHandler: (err: unknown) => {
          if (!started) reject(new Error(`OCR worker failed to start: ${String(err)}`));
        },
      })
        .then(async (worker) => {
          if (this.options.parameters) await worker.setParameters(this.options.parameters);
          started = true;
          resolve(worker);
        })
        .catch(reject);
    });
  }
}
