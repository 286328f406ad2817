export * from './lib/retry-schedule';
export * from './lib/retry-after';
export * from './lib/response-excerpt';
export * from './lib/webhook-secret';
export * from './lib/webhook-signature';
export * from './lib/webhook-envelope';
export * from './lib/webhook-poster';
export * from './lib/attempt-outcome';
