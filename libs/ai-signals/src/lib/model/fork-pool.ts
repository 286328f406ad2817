import { type ChildProcess, fork } from 'node:child_process';

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
}

/**
 * A fixed set of forked processes, one request at a time each, FIFO — the shape of libs/ocr's PpOcrPool
 * (read its comment for why processes and not worker threads: onnxruntime-node aborted the process when two
 * worker threads initialised at once, onnxruntime#24486), generic over what is sent. A request past its
 * deadline SIGKILLs its process and a fresh one takes its place; a crash costs one request, not the worker.
 * PpOcrPool predates this and could move onto it; it was left alone while the OCR path is being changed.
 */
export class ForkPool<Q, R> {
  private readonly slots: Slot<Q, R>[] = [];
  private readonly queue: Job<Q, R>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly env: Record<string, string>,
  ) {}

  run(request: Q, timeoutMs: number): Promise<R> {
    if (this.closed) return Promise.reject(new Error('process pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('process pool closed'));
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      slot.job?.reject(new Error('process pool closed'));
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
      current.timer = setTimeout(() => this.replace(current, new Error(`model process timed out after ${job.timeoutMs} ms`)), job.timeoutMs);
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
    if ('ok' in reply && reply.ok) job.resolve(reply.result);
    else job.reject(new Error('message' in reply ? reply.message : 'model process failed'));
    this.pump();
  }

  private replace(slot: Slot<Q, R>, reason: Error): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
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
        const reason = new Error(message);
        reject(reason);
        if (this.slots.includes(slot)) this.replace(slot, reason);
      };
      child.on('message', (reply: ForkReply<R>) => {
        if (reply.id !== 0) this.onReply(slot, reply);
        else if ('ready' in reply) resolve();
        else fail('message' in reply ? reply.message : 'model process failed to start');
      });
      child.on('exit', (code, signal) => fail(`model process exited (${signal ?? `code ${code}`})`));
      // Without a listener a failed spawn throws the 'error' event and takes the worker down.
      child.on('error', (err) => fail(`model process failed: ${err.message}`));
    });
    slot.ready.catch(() => undefined);
    return slot;
  }
}

function retire(child: ChildProcess): void {
  child.removeAllListeners();
  child.on('error', () => undefined);
  child.kill('SIGKILL');
}
