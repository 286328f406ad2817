import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  /** CPU time the tesseract processes used (user + system), from /proc; null off Linux. */
  cpuSeconds: number | null;
  texts: Map<string, string>;
}

/** CPU seconds of this process's waited-for children (cutime + cstime in /proc/self/stat). */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in clock ticks (100 Hz).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/**
 * Reads every image with `tesseract <img> stdout -l <langs>` in `parallel` processes. OMP_THREAD_LIMIT=1
 * gives each process one core: with 2 processes on 2 cores, OpenMP's extra threads only oversubscribe.
 */
export async function runNativeTesseract(paths: readonly string[], languages: readonly string[], parallel: number): Promise<NativeRun> {
  const texts = new Map<string, string>();
  const queue = [...paths];
  const started = performance.now();
  const cpuBefore = childCpuSeconds();
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
  const cpuAfter = childCpuSeconds();
  const cpuSeconds = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  return { seconds: (performance.now() - started) / 1000, cpuSeconds, texts };
}
