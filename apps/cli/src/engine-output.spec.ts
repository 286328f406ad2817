import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { captureEngineOutput } from './engine-output';
import { ProgressBar } from './progress';

const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
afterEach(() => {
  if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
});

describe('engine output during a scan', () => {
  it('takes lines an engine prints from a worker thread away from stderr, to the log', async () => {
    const lines: string[] = [];
    const seen: string[] = [];
    const output = captureEngineOutput((line) => lines.push(line));
    try {
      // What tesseract's wasm does in its worker threads: print warnings itself.
      const worker = new Worker("console.error('Warning: Invalid resolution 25 dpi. Using 70 instead.')", { eval: true });
      await new Promise((resolve) => worker.once('exit', resolve));
      await new Promise((resolve) => setImmediate(resolve));
      output.stderr('from the CLI itself\n');
    } finally {
      output.restore();
    }
    seen.push(...lines);
    expect(seen).toEqual(['Warning: Invalid resolution 25 dpi. Using 70 instead.']);
  });

  it('a log line clears the bar, takes its own line, and the bar is drawn again below it', () => {
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    let screen = '';
    const bar = new ProgressBar(4, (text) => (screen += text));
    bar.update(1, 'listing-1');
    bar.log('[engine] Warning: something');
    const afterLog = screen.slice(screen.indexOf('[engine]'));
    expect(screen).toContain('\r\x1b[2K[engine] Warning: something\n');
    expect(afterLog).toMatch(/\n█+░+ 1\/4 listing-1/);
  });
});
