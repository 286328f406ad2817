import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The native CLI, installed from Debian when missing (the yardstick the issue asks for). */
export function ensureNativeTesseract(languages: readonly string[]): string | null {
  if (hasTesseract()) return 'tesseract';
  const packages = ['tesseract-ocr', ...languages.map((l) => `tesseract-ocr-${l.replace('_', '-')}`)];
  console.error(`native tesseract missing: apt-get install -y ${packages.join(' ')}`);
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit' });
  } catch {
    return null;
  }
  return hasTesseract() ? 'tesseract' : null;
}

function hasTesseract(): boolean {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface NativeRun {
  seconds: number;
  texts: Map<string, string>;
}

/**
 * Reads every image with `tesseract <img> stdout -l <langs>` in `parallel` processes. OMP_THREAD_LIMIT=1
 * gives each process one core: with 2 processes on 2 cores, OpenMP's extra threads only oversubscribe.
 */
export async function runNativeTesseract(paths: readonly string[], languages: readonly string[], parallel: number): Promise<NativeRun> {
  const texts = new Map<string, string>();
  const queue = [...paths];
  const started = performance.now();
  const lane = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      try {
        const { stdout } = await run('tesseract', [path, 'stdout', '-l', languages.join('+')], {
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          maxBuffer: 64 * 1024 * 1024,
        });
        texts.set(path, stdout);
      } catch {
        texts.set(path, '');
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return { seconds: (performance.now() - started) / 1000, texts };
}
