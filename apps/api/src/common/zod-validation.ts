import { z } from 'zod';
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

/** Parses a query string (Fastify gives an object of strings, or nothing); a 400 names the parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  return parseBody(schema, query ?? {});
}

/** Ids in paths: any 8-4-4-4-12 hex string, as the API has always accepted (z.uuid() would also check the version digit). */
export const uuidParam = z.guid({ error: 'must be a UUID' });

/** The path-parameter schema for routes whose parameters are all ids. */
export const uuidParams = <K extends string>(...names: K[]) => z.object(Object.fromEntries(names.map((n) => [n, uuidParam])) as Record<K, typeof uuidParam>);
