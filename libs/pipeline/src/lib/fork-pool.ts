import { type ChildProcess, fork } from 'node:child_process';
import { BusyMeter, type PoolUsage } from './pool-usage';

/** What a pool child answers: id 0 is its start-up report; other ids answer one request each. */
export type ForkReply<R> = { id: 0; ready: true } | { id: number; ok: true; result: R } | { id: number; ok: false; message: string };

interface Job<Q, R> {
  request: Q;
  timeoutMs: number;
  resolve: (result: R) => void;
  reject: (err: Error) => void;
}
interface Slot<Q, R> {
  child: ChildProcess;
  ready: Promise<void>;
  job: Job<Q, R> | null;
  jobId: number;
  timer?: NodeJS.Timeout;
  /** Ends the slot's busy span (set while it holds a job). */
  idle?: () => void;
}

/** How a pool names its failures (OCR and model pools each have their own error types). */
export interface ForkPoolErrors {
  timeout(ms: number): Error;
  closed(): Error;
  /** The child answered with an error, failed to start, died, or could not be spawned. */
  failed(message: string): Error;
}

const DEFAULT_ERRORS: ForkPoolErrors = {
  timeout: (ms) => new Error(`pool process timed out after ${ms} ms`),
  closed: () => new Error('process pool closed'),
  failed: (message) => new Error(message),
};

/**
 * A fixed set of forked processes, one request at a time each, FIFO, for native work that must not share
 * the worker's process: onnxruntime-node runs inference synchronously on the calling thread, and with
 * worker threads it aborted the whole process when two threads initialised at once ("terminate called
 * after throwing an instance of 'Napi::Error'", seen here; onnxruntime#24486), and terminating a thread
 * mid-inference is unsafe. A request past its deadline (counted from when a process takes it, so a long
 * queue never times out) SIGKILLs its process and a fresh one takes its place; a crash costs one request,
 * not the worker. Processes start on first use (or warmUp()). Used by the PP-OCR reader and the operator's
 * ONNX detector.
 */
export class ForkPool<Q, R> {
  private readonly slots: Slot<Q, R>[] = [];
  private readonly queue: Job<Q, R>[] = [];
  private nextId = 1;
  private closed = false;
  private readonly busy = new BusyMeter();

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly env: Record<string, string>,
    private readonly errors: ForkPoolErrors = DEFAULT_ERRORS,
  ) {}

  /** Starts every process now and waits until each reports ready. */
  async warmUp(): Promise<void> {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    // The children and their channels never keep the process alive (unref'd), and no job timer runs
    // yet: hold the event loop while they start, or a caller with nothing else pending exits mid-wait.
    const hold = setInterval(() => undefined, 60_000);
    try {
      await Promise.all(this.slots.map((s) => s.ready.catch(() => undefined)));
    } finally {
      clearInterval(hold);
    }
  }

  run(request: Q, timeoutMs: number): Promise<R> {
    if (this.closed) return Promise.reject(this.errors.closed());
    return new Promise((resolve, reject) => {
      this.queue.push({ request, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Slots, their busy time so far (from when a slot takes a request, a fresh process's start-up
   * included, until its answer, timeout or crash) and requests waiting for one. */
  usage(): PoolUsage {
    return { slots: this.size, busySeconds: this.busy.busySeconds, queued: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(this.errors.closed());
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      slot.idle?.();
      slot.job?.reject(this.errors.closed());
      retire(slot.child);
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) this.slots.push((slot = this.spawn()));
      if (!slot) return;
      const job = this.queue.shift() as Job<Q, R>;
      const current = slot;
      current.job = job;
      current.jobId = this.nextId++;
      current.idle = this.busy.start();
      // The deadline covers waiting for a fresh process's start-up too.
      current.timer = setTimeout(() => this.replace(current, this.errors.timeout(job.timeoutMs)), job.timeoutMs);
      const id = current.jobId;
      current.ready.then(
        () => current.job === job && current.child.send({ id, request: job.request }),
        (err: Error) => current.job === job && this.replace(current, err),
      );
    }
  }

  private onReply(slot: Slot<Q, R>, reply: ForkReply<R>): void {
    const job = slot.job;
    if (!job || reply.id !== slot.jobId) return;
    clearTimeout(slot.timer);
    slot.job = null;
    slot.idle?.();
    if ('ok' in reply && reply.ok) job.resolve(reply.result);
    else job.reject(this.errors.failed('message' in reply ? reply.message : 'pool process failed'));
    this.pump();
  }

  private replace(slot: Slot<Q, R>, reason: Error): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    slot.idle?.();
    retire(slot.child);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    job?.reject(reason);
    this.pump();
  }

  private spawn(): Slot<Q, R> {
    const child = fork(this.script, [], { serialization: 'advanced', execArgv: [], env: { ...process.env, ...this.env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // Never what keeps the worker or the CLI alive: at exit the children see 'disconnect' and end too.
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    const slot: Slot<Q, R> = { child, job: null, jobId: 0, ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      const fail = (message: string) => {
        const reason = this.errors.failed(message);
        reject(reason);
        if (this.slots.includes(slot)) this.replace(slot, reason);
      };
      child.on('message', (reply: ForkReply<R>) => {
        if (reply.id !== 0) this.onReply(slot, reply);
        else if ('ready' in reply) resolve();
        else fail('message' in reply ? reply.message : 'pool process failed to start');
      });
      child.on('exit', (code, signal) => fail(`pool process exited (${signal ?? `code ${code}`})`));
      // Without a listener a failed spawn (or a send to a process that just died) throws the 'error'
      // event and takes the worker down.
      child.on('error', (err) => fail(`pool process failed: ${err.message}`));
    });
    slot.ready.catch(() => undefined);
    return slot;
  }
}

/** Kills a pool process for good; a late 'error' from it is ignored rather than thrown. */
function retire(child: ChildProcess): void {
  child.removeAllListeners();
  child.on('error', () => undefined);
  child.kill('SIGKILL');
}
