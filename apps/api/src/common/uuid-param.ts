import { ValidationError } from './api-error';
import { uuidParam } from './zod-validation';

/** Validates an id from the path with the schema the OpenAPI document gives for it; lower-cased. */
export function parseUuid(field: string, value: string): string {
  if (!uuidParam.safeParse(value).success) throw new ValidationError([{ field, message: 'must be a UUID' }]);
  return value.toLowerCase();
}
