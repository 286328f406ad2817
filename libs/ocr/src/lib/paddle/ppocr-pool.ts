import { type ChildProcess, fork } from 'node:child_process';
import { compiledEntry } from '@listinglens/pipeline';
import { OcrClosedError, OcrTimeoutError } from '../ocr-errors';
import type { PpOcrLine, PpOcrSettings } from './ppocr-settings';
import type { PpOcrModelFiles } from './ppocr-models';
import type { ProcessReply, ProcessRequest } from './ppocr-process';

interface Job {
  bytes: Buffer;
  /** Counted from when a process takes the image, so a queue of many images never times them out. */
  timeoutMs: number;
  resolve: (lines: PpOcrLine[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  job: Job | null;
  jobId: number;
  timer?: NodeJS.Timeout;
}

/** An image PP-OCR could not read (not an image, corrupt), or an OCR process that died: a per-image error. */
export class PpOcrReadError extends Error {
  readonly code = 'ocr.read_failed';
  constructor(message: string) {
    super(message);
    this.name = 'PpOcrReadError';
  }
}

/**
 * A fixed set of child processes, each with its own PP-OCR engine, one image at a time each, FIFO.
 * Processes, not worker threads: onnxruntime-node runs inference synchronously on the calling thread, and
 * with worker threads it aborted the whole process when two threads initialised at once ("terminate
 * called after throwing an instance of 'Napi::Error'", seen here; onnxruntime#24486), and terminating a
 * thread mid-inference is unsafe. A child can be SIGKILLed when a read passes its deadline (the read
 * fails with OcrTimeoutError and a fresh process takes its place), and a crash costs one image, not the
 * worker. Processes start on first use (or warmUp()).
 */
export class PpOcrPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly files: PpOcrModelFiles,
    private readonly size: number,
    private readonly settings: PpOcrSettings,
  ) {}

  read(bytes: Buffer, timeoutMs: number): Promise<PpOcrLine[]> {
    if (this.closed) return Promise.reject(new OcrClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  /** Starts every process now and waits until their models are loaded. */
  async warmUp(): Promise<void> {
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    await Promise.all(this.slots.map((s) => s.ready.catch(() => undefined)));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new OcrClosedError());
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      slot.job?.reject(new OcrClosedError());
      retire(slot.child);
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      this.start(slot, this.queue.shift() as Job);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.jobId = this.nextId++;
    // The deadline covers waiting for a fresh process's models too.
    slot.timer = setTimeout(() => this.replace(slot, new OcrTimeoutError(job.timeoutMs)), job.timeoutMs);
    const request: ProcessRequest = { id: slot.jobId, bytes: job.bytes, settings: this.settings };
    slot.ready.then(
      () => {
        if (slot.job === job) slot.child.send(request);
      },
      (err: Error) => {
        if (slot.job === job) this.replace(slot, err);
      },
    );
  }

  private onReply(slot: Slot, reply: ProcessReply): void {
    const job = slot.job;
    if (!job || reply.id !== slot.jobId) return;
    clearTimeout(slot.timer);
    slot.job = null;
    if ('ok' in reply && reply.ok) job.resolve(reply.lines);
    else if ('message' in reply) job.reject(new PpOcrReadError(reply.message));
    this.pump();
  }

  /** Ends a process that timed out or died, fails its job, and lets a fresh one take its place. */
  private replace(slot: Slot, reason: Error): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
    retire(slot.child);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    job?.reject(reason);
    this.pump();
  }

  private spawn(): Slot {
    const child = fork(compiledEntry(typeof __dirname === 'string' ? __dirname : undefined, 'libs/ocr/src/lib/paddle', 'ppocr-process.js'), [], {
      serialization: 'advanced',
      execArgv: [],
      env: { ...process.env, LL_PPOCR_FILES: JSON.stringify(this.files) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = { child, job: null, jobId: 0, ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (reply: ProcessReply) => {
        if (reply.id === 0) return 'ready' in reply ? resolve() : reject(new PpOcrReadError('message' in reply ? reply.message : 'OCR process failed to start'));
        this.onReply(slot, reply);
      });
      child.on('exit', (code, signal) => {
        const reason = new PpOcrReadError(`OCR process exited (${signal ?? `code ${code}`})`);
        reject(reason);
        if (this.slots.includes(slot)) this.replace(slot, reason);
      });
      // A failed spawn or a send to a process that just died: without a listener, Node throws the
      // 'error' event and takes the whole worker down.
      child.on('error', (err) => {
        const reason = new PpOcrReadError(`OCR process failed: ${err.message}`);
        reject(reason);
        if (this.slots.includes(slot)) this.replace(slot, reason);
      });
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
