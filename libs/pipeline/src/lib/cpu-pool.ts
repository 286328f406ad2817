import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ImageError } from './image-error';

export interface CpuTask {
  /** Compiled worker-thread module (see compiledEntry) and the function it exports. */
  file: string;
  name: string;
}

export interface CpuRunOptions {
  /** Buffers handed to the thread instead of copied; they are unusable here afterwards. */
  transfer?: ArrayBuffer[];
  /** Epoch ms after which the task is stopped (its thread is terminated) and fails. */
  deadline: number;
}

/**
 * Worker threads for the pure-JavaScript CPU work of a scan (QR decoding, pixel statistics), so the
 * event loop stays free for BullMQ's lock renewal and HTTP. A task past its deadline has its thread
 * terminated and fails with `image.time_budget_exceeded`: a pathological image costs its budget, never
 * a worker slot for minutes. piscina rather than our own pool: it handles queueing, thread replacement
 * and abort. (onnxruntime is not run here: it aborted in worker threads, see PpOcrPool.)
 */
export class CpuPool {
  private readonly pool: Piscina;

  constructor(threads = Math.max(1, availableParallelism())) {
    this.pool = new Piscina({ minThreads: 0, maxThreads: threads, idleTimeout: 30_000 });
  }

  async run<T>(task: CpuTask, input: unknown, options: CpuRunOptions): Promise<T> {
    const left = options.deadline - Date.now();
    if (left <= 0) throw budgetSpent(task, 0);
    const signal = AbortSignal.timeout(left);
    try {
      return (await this.pool.run(input, { filename: task.file, name: task.name, transferList: options.transfer, signal })) as T;
    } catch (err) {
      if (signal.aborted) throw budgetSpent(task, left);
      throw err;
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

function budgetSpent(task: CpuTask, ms: number): ImageError {
  return new ImageError('image.time_budget_exceeded', `${task.name} stopped: the image's time budget ran out${ms ? ` after ${Math.round(ms)} ms` : ''}`);
}
