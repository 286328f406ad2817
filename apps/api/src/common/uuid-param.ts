import { ValidationError } from './api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseUuid(field: string, value: string): string {
  if (!UUID.test(value)) throw new ValidationError([{ field, message: 'must be a UUID' }]);
  return value.toLowerCase();
}
