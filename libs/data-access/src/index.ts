export * from './lib/prisma.service';
export * from './lib/content-hash';
export * from './lib/listing.repository';
export * from './lib/scan.repository';
export * from './lib/api-key.repository';

export * from './lib/data-access.module';
export * from './lib/transaction';
export * from './lib/outbox.repository';
export * from './lib/webhook.repository';
export * from './lib/moderation.repository';
export * from './lib/policy.repository';
export * from './lib/review.repository';
export * from './lib/notice.repository';
export * from './lib/audit.repository';
export * from './lib/phash-index';
export * from './lib/sql-pool.service';
export * from './lib/webhook-secret-box';
