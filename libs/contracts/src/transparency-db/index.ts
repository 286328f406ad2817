export * from './vocabulary';
export * from './statement-submission.schema';
