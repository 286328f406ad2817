import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadWorkerConfig } from './config';
import { WorkerModule } from './worker.module';

/** A Nest application context (no HTTP) running the BullMQ processors. SIGTERM closes the workers:
 * in-flight jobs finish or, if the process is killed, are picked up by another worker after the lock. */
async function bootstrap(): Promise<void> {
  // Read once, here: a bad variable ends the process with one message (below), never a stack trace.
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  exitIfShutdownHangs(config.WORKER_SHUTDOWN_GRACE_MS);
  app.get(Logger).log('worker started');
}

/**
 * SIGTERM closes the BullMQ workers, pools and connections (Nest's shutdown hooks). If that has not
 * ended the process within the grace period, it exits anyway, naming what was still open: a job it was
 * running is taken over by another worker once its lock expires, as after a crash.
 */
function exitIfShutdownHangs(graceMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        const pending = process.getActiveResourcesInfo();
        console.error(JSON.stringify({ level: 50, msg: `shutdown not done ${graceMs} ms after ${signal}: exiting`, pending }));
        process.exit(1);
      }, graceMs).unref();
    });
  }
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
