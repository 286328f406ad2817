/**
 * How much of a pool's capacity has been in use, for metrics: busy share over a window is
 * Δ busySeconds / (Δ seconds × slots). Framework-free; the worker's metrics turn it into Prometheus series.
 */
export interface PoolUsage {
  /** How many requests the pool runs at once at most (its processes or threads). */
  slots: number;
  /** Seconds slots have held a request, summed over slots since the pool was built; grows while requests run. */
  busySeconds: number;
  /** Requests waiting for a free slot. */
  queued: number;
}

/**
 * Cumulative busy time of a pool's slots. `start()` when a slot takes a request and call what it returns
 * when the slot lets go (answer, error, timeout, crash or close); a second call does nothing. Time of
 * requests still running counts up to now, so the total never jumps when a long request ends.
 */
export class BusyMeter {
  private doneMs = 0;
  private readonly running = new Set<{ since: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(): () => void {
    const span = { since: this.now() };
    this.running.add(span);
    return () => {
      if (this.running.delete(span)) this.doneMs += this.now() - span.since;
    };
  }

  get busySeconds(): number {
    const now = this.now();
    let ms = this.doneMs;
    for (const span of this.running) ms += now - span.since;
    return ms / 1000;
  }
}
