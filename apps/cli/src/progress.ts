/** A one-line progress bar on stderr (only when stderr is a terminal, so piped logs stay clean).
 * Log lines go above it: the bar is cleared, the line printed, the bar drawn again. */
export class ProgressBar {
  private readonly enabled = Boolean(process.stderr.isTTY);
  private current = '';

  constructor(
    private readonly total: number,
    private readonly write: (text: string) => void = (t) => void process.stderr.write(t),
  ) {}

  update(done: number, label: string): void {
    if (!this.enabled) return;
    const width = 28;
    const filled = this.total === 0 ? width : Math.round((done / this.total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.current = `${bar} ${done}/${this.total} ${label.slice(0, 40).padEnd(40)}`;
    this.write(`\r${this.current}`);
  }

  log(line: string): void {
    if (this.enabled) this.write('\r\x1b[2K');
    this.write(`${line}\n`);
    if (this.enabled && this.current) this.write(this.current);
  }

  /** Clears the bar. */
  finish(): void {
    if (this.enabled && this.current) this.write('\r\x1b[2K');
    this.current = '';
  }
}
