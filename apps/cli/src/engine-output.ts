type Write = typeof process.stdout.write;

export interface CapturedOutput {
  /** The real writers: the report, the progress bar and the CLI's own messages use these. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  restore(): void;
}

/**
 * While scanning, the OCR and image engines write straight to stdout/stderr (tesseract prints
 * "Warning: Invalid resolution 25 dpi. Using 70 instead." once per image, from its worker threads,
 * whose output Node pipes into this process's streams). Left alone that tears the progress bar and
 * could mix into a report on stdout, so every such write is cut into lines and handed to `onLine`,
 * which logs it at a level the user chose.
 */
export function captureEngineOutput(onLine: (line: string) => void): CapturedOutput {
  const realOut = process.stdout.write.bind(process.stdout);
  const realErr = process.stderr.write.bind(process.stderr);
  const pending = { out: '', err: '' };
  const capture = (key: 'out' | 'err'): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      pending[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const lines = pending[key].split(/\r?\n/);
      pending[key] = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as Write;
  process.stdout.write = capture('out');
  process.stderr.write = capture('err');
  return {
    stdout: (text) => void realOut(text),
    stderr: (text) => void realErr(text),
    restore: () => {
      process.stdout.write = realOut as Write;
      process.stderr.write = realErr as Write;
      for (const rest of [pending.out, pending.err]) if (rest.trim()) onLine(rest);
    },
  };
}
