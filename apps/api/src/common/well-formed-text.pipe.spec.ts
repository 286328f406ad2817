import { describe, expect, it } from 'vitest';
import { ValidationError } from './api-error';
import { WellFormedTextPipe } from './well-formed-text.pipe';

const pipe = new WellFormedTextPipe();
const problemsOf = (value: unknown, type: 'body' | 'query' | 'param', data?: string) => {
  try {
    pipe.transform(value, { type, data });
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).fields;
  }
};

describe('WellFormedTextPipe', () => {
  it('names every body field with a NUL or a lone surrogate, nested and in arrays', () => {
    const body = { title: 'Bowl\u0000', images: [{ url: 'https://x/a.png' }, { url: 'https://x/\uD800.png' }], price: { currency: '\uDC00USD' } };
    expect(problemsOf(body, 'body')).toEqual([
      { field: 'title', message: expect.stringMatching(/NUL/) },
      { field: 'images[1].url', message: expect.stringMatching(/surrogate/) },
      { field: 'price.currency', message: expect.stringMatching(/surrogate/) },
    ]);
  });

  it('names query and path parameters, and field names themselves', () => {
    expect(problemsOf({ cursor: 'a\u0000' }, 'query')).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    expect(problemsOf('seller\u0000', 'param', 'sellerId')).toEqual([{ field: 'sellerId', message: expect.any(String) }]);
    expect(problemsOf({ 'a\u0000': 1 }, 'body')).toEqual([{ field: 'a\u0000', message: expect.stringMatching(/^field name/) }]);
  });

  it('passes well-formed text, surrogate pairs (emoji) and CJK included', () => {
    const body = { title: '碗 🍜 bowl', description: 'ok\n\t', n: 1, list: ['😀'] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });
});
