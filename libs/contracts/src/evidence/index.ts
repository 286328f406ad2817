export * from './text-evidence.schema';
export * from './ai-evidence.schema';
