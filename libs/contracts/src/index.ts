export * from './findings';
export * from './image-errors';
export * from './queues';
export * from './views';
export * from './listing-input.schema';
export * from './events';
export * from './moderation';
export * from './phash-index';
