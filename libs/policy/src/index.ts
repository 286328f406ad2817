export * from './lib/policy-schema';
export * from './lib/default-policy';
export * from './lib/evaluate-policy';
export * from './lib/statement-of-reasons';
export * from './lib/review-decision';
export * from './lib/policy-grounds';
export * from './lib/decision-effects';
export * from './lib/appeal-text';
export { type AiDisclosure, describeFinding } from './lib/finding-descriptions';
