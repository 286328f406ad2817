import type { z } from 'zod';
import { fieldProblems } from '@listinglens/contracts';
import { ValidationError } from './api-error';

/** Parses a request body; on failure a 400 naming every offending field as a path ("images[3].url"). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new ValidationError([{ field: '(body)', message: 'a JSON object is required' }]);
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new ValidationError(fieldProblems(result.error));
}
