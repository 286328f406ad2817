import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, reviewCursorSchema, timeCursorSchema } from './cursor';

const ID = '0b7e7f3c-6a1d-4f7e-9c7a-2d6f3b1e8a90';

describe('page cursors', () => {
  it('round-trip the sort key they were written with', () => {
    const key = { c: '2026-11-30T12:00:00.000Z', id: ID };
    expect(decodeCursor(timeCursorSchema, encodeCursor(timeCursorSchema, key))).toEqual(key);
    const review = { ...key, r: 3 };
    expect(decodeCursor(reviewCursorSchema, encodeCursor(reviewCursorSchema, review))).toEqual(review);
  });

  it('read anything this API did not write as null: garbage, other JSON, another list’s cursor, a bad time or id', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const cursor of ['abc', '', b64(42), b64([1, 2]), b64({ c: 'yesterday', id: ID }), b64({ c: '2026-11-30', id: "1' OR 1=1" }), b64({ c: '2026-11-30', id: ID, x: 1 })]) {
      expect(decodeCursor(timeCursorSchema, cursor)).toBeNull();
    }
    expect(decodeCursor(reviewCursorSchema, encodeCursor(timeCursorSchema, { c: '2026-11-30', id: ID }))).toBeNull();
  });
});
