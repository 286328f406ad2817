import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { workerConfig } from './config';

/** A Nest application context (no HTTP) running the BullMQ processors. SIGTERM closes the workers:
 * in-flight jobs finish or, if the process is killed, are picked up by another worker after the lock. */
async function bootstrap(): Promise<void> {
  // The configuration is checked before the module is loaded: worker.module reads it at import (the
  // processor decorator needs it), where a bad variable used to surface as a raw stack trace.
  workerConfig();
  const { WorkerModule } = await import('./worker.module.js');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
