export * from './lib/job-defaults';
export * from './lib/maintenance-queue.producer';
export * from './lib/redis-connection';
export * from './lib/queue.module';
export * from './lib/scan-queue.producer';
export * from './lib/webhook-queue.producer';
