interface Waiting<T> {
  items: readonly T[];
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Group commit for Redis: items from concurrent callers that arrive while a send is in flight go
 * together in the next send (one pipeline, one round trip) instead of one round trip each. On this
 * machine a loopback round trip is mostly syscall cost, so under load this is what ingest pays for.
 *
 * Every caller waits at most `timeoutMs`; a caller that gives up is taken out of the waiting group,
 * and a send that hangs releases its slot after the same time, so a stalled Redis never blocks the
 * sends that follow once it recovers.
 */
export class GroupedEnqueue<T> {
  private waiting: Array<Waiting<T>> = [];
  private inFlight = 0;

  constructor(
    private readonly send: (items: readonly T[]) => Promise<unknown>,
    private readonly timeoutMs: number,
    private readonly maxInFlight = 2,
  ) {}

  add(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const entry: Waiting<T> = { items, resolve, reject };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== entry);
        reject(new Error(`Redis did not accept the jobs within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      entry.resolve = () => (clearTimeout(timer), resolve());
      entry.reject = (err) => (clearTimeout(timer), reject(err));
      this.waiting.push(entry);
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      this.inFlight++;
      void this.flush(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(group: Array<Waiting<T>>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([this.send(group.flatMap((w) => w.items)), stalled]);
      for (const w of group) w.resolve();
    } catch (err) {
      for (const w of group) w.reject(err);
    } finally {
      clearTimeout(timer);
    }
  }
}
