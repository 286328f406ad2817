import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the next page starts in a list newest (or oldest) first: the last row's time and id. */
export const timeCursorSchema = z.strictObject({
  c: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
  id: z.string().regex(UUID),
});
/** The review queue sorts by severity first, so its cursor carries the last row's severity rank too. */
export const reviewCursorSchema = timeCursorSchema.extend({ r: z.number().int() });

/** Opaque keyset cursors: base64url JSON of the last row's sort key, so clients cannot depend on its shape. */
export function encodeCursor<T extends object>(schema: z.ZodType<T>, value: T): string {
  return Buffer.from(JSON.stringify(schema.parse(value))).toString('base64url');
}

/** The sort key a cursor holds, or null for anything this API did not write (the api answers 400). */
export function decodeCursor<T>(schema: z.ZodType<T>, cursor: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
