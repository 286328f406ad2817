import type { z } from 'zod';

/**
 * Parses an app's environment with its settings schema, or throws one message naming every bad
 * variable, one per line ("invalid worker configuration:\n  DATABASE_URL: Invalid url"): the apps print
 * it alone, with no stack trace.
 */
export function parseSettings<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv, what: string): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`invalid ${what}:\n${problems}`);
}
