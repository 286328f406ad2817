import { describe, expect, it } from 'vitest';
import { ApiErrorCode } from '@listinglens/contracts';
import { ReviewConflict } from '@listinglens/data-access';
import { ApiError } from './api-error';
import { mapConflicts } from './conflict';

const refusal = (run: () => Promise<unknown>) => mapConflicts('review item', 'abc', run).then(() => undefined, (err: unknown) => err);

describe('mapConflicts', () => {
  it('a missing row is a 404 naming it; a state that refuses the change is a 409 with the reason', async () => {
    expect(await refusal(() => Promise.reject(ReviewConflict.missing('review item', 'abc')))).toMatchObject({ status: 404, code: ApiErrorCode.NotFound, message: 'review item abc does not exist' });
    const conflict = await refusal(() => Promise.reject(ReviewConflict.state('this item is already decided')));
    expect(conflict).toBeInstanceOf(ApiError);
    expect(conflict).toMatchObject({ status: 409, code: ApiErrorCode.Conflict, message: 'this item is already decided' });
  });

  it('passes other errors through untouched', async () => {
    const other = new Error('boom');
    expect(await refusal(() => Promise.reject(other))).toBe(other);
  });
});
