import { describe, expect, it } from 'vitest';
import { readTdbAnswer } from './tdb-answer';

describe("reading the Transparency Database's answer", () => {
  it('201: submitted, with the uuid it gave', () => {
    expect(readTdbAnswer({ status: 201, body: { uuid: 'u-1', puid: 'll-1' } })).toEqual({ kind: 'accepted', uuid: 'u-1' });
  });

  it('422 naming our puid with the existing statement: an earlier attempt got through, so submitted', () => {
    const body = { message: 'The identifier given is not unique within this platform.', errors: { puid: ['not unique'] }, existing: { uuid: 'u-0' } };
    expect(readTdbAnswer({ status: 422, body })).toEqual({ kind: 'accepted', uuid: 'u-0' });
  });

  it('401 and 403: our token is not accepted, which no statement can fix: submission pauses', () => {
    expect(readTdbAnswer({ status: 401, body: { message: 'Unauthenticated.' } })).toEqual({ kind: 'auth', errors: { message: 'Unauthenticated.' } });
    expect(readTdbAnswer({ status: 403, body: { message: 'This action is unauthorized.' } }).kind).toBe('auth');
  });

  it('422 with field errors, 400: refused with what it said, not retried', () => {
    expect(readTdbAnswer({ status: 422, body: { message: 'x', errors: { category: ['The selected category is invalid.'] } } })).toEqual({
      kind: 'refused',
      errors: { category: ['The selected category is invalid.'] },
    });
    expect(readTdbAnswer({ status: 400, body: 'bad' }).kind).toBe('refused');
  });

  it.each([500, 502, 503, 429, 408, null])('%s: retried', (status) => {
    expect(readTdbAnswer({ status, body: { message: 'later' } }).kind).toBe('retry');
  });
});
