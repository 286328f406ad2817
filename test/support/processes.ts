import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const root = process.cwd();

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
    server.on('error', rej);
  });
}

/**
 * Starts a built app (`dist/apps/<app>/src/main.js`) as its own process, as in production. `cwd`: the
 * checkout whose build runs (bench:latency starts an older build beside this one).
 */
export async function startApp(
  app: 'api' | 'worker',
  env: Record<string, string>,
  ready: RegExp,
  { cwd = root, startTimeoutMs = 30_000 }: { cwd?: string; startTimeoutMs?: number } = {},
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`${cwd} ${app} did not start in ${startTimeoutMs / 1000} s:\n${output}`)), startTimeoutMs);
    const check = () => {
      if (ready.test(output)) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`${app} exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const sent = Date.now();
      const slow = setTimeout(() => console.error(`${app} (pid ${child.pid}) has not exited 15 s after ${signal}; its last output:\n${output.slice(-3000)}`), 15_000);
      // A worker that never exits must not eat the suite's 120 s hook budget: kill it at 30 s, and say so.
      // The worker ends itself after WORKER_SHUTDOWN_GRACE_MS (20 s) naming what was still open (the
      // restart drill asserts its shutdown finishes well before that).
      const kill = setTimeout(() => {
        console.error(`${app} (pid ${child.pid}) still running 30 s after ${signal}: SIGKILL`);
        child.kill('SIGKILL');
      }, 30_000);
      await exited;
      clearTimeout(slow);
      clearTimeout(kill);
      // What it said while closing (the worker names what it was still waiting for when its grace ends).
      if (Date.now() - sent >= 15_000) console.error(`${app} (pid ${child.pid}) exited ${Date.now() - sent} ms after ${signal}; its last output:\n${output.slice(-1500)}`);
    },
  };
}
