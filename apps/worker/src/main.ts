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
  app.get(Logger).log('worker started');
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
