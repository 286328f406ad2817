export * from './lib/job-defaults';
export * from './lib/redis-connection';
export * from './lib/scan-queue.module';
export * from './lib/scan-queue.producer';
