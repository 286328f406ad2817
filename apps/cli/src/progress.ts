/** A one-line progress bar on stderr (only when stderr is a terminal, so piped logs stay clean). */
export class ProgressBar {
  private readonly enabled = Boolean(process.stderr.isTTY);

  constructor(private readonly total: number) {}

  update(done: number, label: string): void {
    if (!this.enabled) return;
    const width = 28;
    const filled = this.total === 0 ? width : Math.round((done / this.total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    process.stderr.write(`\r${bar} ${done}/${this.total} ${label.slice(0, 40).padEnd(40)}`);
  }

  finish(message: string): void {
    if (this.enabled) process.stderr.write('\r\x1b[2K');
    process.stderr.write(`${message}\n`);
  }
}
