import type { z } from 'zod';
import { ValidationError } from './api-error';

/** Parses a request body; on failure a 400 naming every offending field as a path ("images[3].url"). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new ValidationError([{ field: '(body)', message: 'a JSON object is required' }]);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.slice(0, 50).map((issue) => ({
      field: formatPath(issue.path) || '(body)',
      message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    })),
  );
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
