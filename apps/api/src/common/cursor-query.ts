import { z } from 'zod';
import { decodeCursor } from '@listinglens/data-access';

/**
 * The `cursor` query parameter of a paged list: the nextCursor of the previous page, checked against
 * the sort key it must hold. Anything else is a 400 naming `cursor` (an unreadable cursor used to
 * return page 1 silently, and a client would loop over the same page).
 */
export function cursorQuery<T>(schema: z.ZodType<T>) {
  return z
    .string()
    .max(500)
    .refine((c) => decodeCursor(schema, c) !== null, 'is not a cursor this API returned')
    .optional()
    .meta({ description: 'nextCursor of the previous page' });
}
