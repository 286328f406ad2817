import type { PolicyRule } from './policy-schema';

/** The grounds a policy defines, each once, in rule order: the only grounds a reviewer may confirm on. */
export function policyGrounds(rules: ReadonlyArray<Pick<PolicyRule, 'ground'>>): string[] {
  return [...new Set(rules.flatMap((r) => (r.ground ? [r.ground] : [])))];
}
