import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A Redis and a PostgreSQL of the drill's own (ports 6390 / 5440 unless DRILL_REDIS_PORT /
 * DRILL_PG_PORT), so the drill can restart them without touching the shared services.
 */
const PG_BIN = process.env.DRILL_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0 ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : execFileSync(cmd, args, { stdio: 'pipe' });

export class ScratchRedis {
  private child?: ChildProcess;
  constructor(readonly port = Number(process.env.DRILL_REDIS_PORT ?? 6390)) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    // No persistence: a restart loses every key, the worst case the reconciler must cover.
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 500));
  }
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

export class ScratchPostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'll-drill-pg-'));
  constructor(readonly port = Number(process.env.DRILL_PG_PORT ?? 5440)) {}
  get url(): string {
    return `postgresql://listinglens@127.0.0.1:${this.port}/listinglens_drill`;
  }
  async start(): Promise<void> {
    chmodSync(this.dir, 0o777);
    asPostgres(`${PG_BIN}/initdb`, ['-D', join(this.dir, 'data'), '-A', 'trust', '-U', 'listinglens', '--no-sync']);
    this.pgCtl('start');
    const admin = new Client({ connectionString: `postgresql://listinglens@127.0.0.1:${this.port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE listinglens_drill');
    await admin.end();
    execFileSync(process.execPath, ['tools/prisma.mjs', 'migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: this.url }, stdio: 'pipe' });
  }
  /** A fast restart: every connection is cut, as when PostgreSQL restarts or fails over. */
  restart(): void {
    this.pgCtl('restart', ['-m', 'fast']);
  }
  async destroy(): Promise<void> {
    try {
      this.pgCtl('stop', ['-m', 'immediate']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
  private pgCtl(action: string, extra: string[] = []): void {
    asPostgres(`${PG_BIN}/pg_ctl`, ['-D', join(this.dir, 'data'), '-o', `-p ${this.port} -k ${this.dir} -c fsync=off`, '-l', join(this.dir, 'log'), '-w', action, ...extra]);
  }
}
