export * from './lib/prisma.service';
export * from './lib/content-hash';
export * from './lib/listing.repository';
export * from './lib/scan.repository';
export * from './lib/api-key.repository';

export * from './lib/data-access.module';
