export * from './lib/scanner-options';
export * from './lib/create-scanner';
