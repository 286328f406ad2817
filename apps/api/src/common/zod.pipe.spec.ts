import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from './api-error';
import { UuidPipe, uuidParam } from './uuid-param';
import { ZodPipe } from './zod.pipe';

const schema = z.object({ images: z.array(z.object({ url: z.url() })).max(5), limit: z.coerce.number().int().default(10) }).strict();

async function fieldsOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).fields;
  }
  throw new Error('expected a ValidationError');
}

describe('ZodPipe', () => {
  const body = new ZodPipe(schema);

  it('answers the parsed value, defaults applied', () => {
    expect(body.transform({ images: [{ url: 'https://x/a.png' }] }, { type: 'body' })).toEqual({ images: [{ url: 'https://x/a.png' }], limit: 10 });
  });

  it('names every offending field as a path', async () => {
    const fields = await fieldsOf(() => body.transform({ images: [{ url: 'https://x/a.png' }, { url: 'ftp:' }], extra: 1 }, { type: 'body' }));
    expect(fields).toEqual([
      { field: 'images[1].url', message: expect.any(String) },
      { field: '(body)', message: 'unknown field(s): extra' },
    ]);
  });

  it('refuses a body that is not a JSON object, or none, unless the route makes it optional', async () => {
    for (const value of [undefined, null, 'text', 3]) {
      expect(await fieldsOf(() => body.transform(value, { type: 'body' }))).toEqual([{ field: '(body)', message: 'a JSON object is required' }]);
    }
    const claim = new ZodPipe(z.object({ leaseSeconds: z.number().default(600) }).strict(), { optional: true });
    expect(claim.transform(undefined, { type: 'body' })).toEqual({ leaseSeconds: 600 });
  });

  it('reads a missing query string as no parameters', () => {
    const query = new ZodPipe(z.object({ limit: z.coerce.number().default(50) }).strict());
    expect(query.transform(undefined, { type: 'query' })).toEqual({ limit: 50 });
  });
});

describe('UuidPipe', () => {
  const pipe = new UuidPipe('scanId');
  const ids = ['00000000-0000-0000-0000-000000000000', 'ABCDEF01-2345-6789-ABCD-EF0123456789', '0190a6c2-7b1e-7c3a-9f00-123456789abc'];

  it('accepts what the document says (any 8-4-4-4-12 hex id, no version check) and lower-cases it', async () => {
    for (const id of ids) {
      expect(uuidParam.safeParse(id).success).toBe(true);
      expect(await pipe.transform(id, { type: 'param', data: 'scanId' })).toBe(id.toLowerCase());
    }
  });

  it('refuses anything else with a 400 naming the parameter', async () => {
    for (const id of ['nope', '00000000-0000-0000-0000-00000000000', '00000000-0000-0000-0000-00000000000g', `${ids[0]} `]) {
      expect(uuidParam.safeParse(id).success).toBe(false);
      expect(await fieldsOf(() => pipe.transform(id, { type: 'param', data: 'scanId' }))).toEqual([{ field: 'scanId', message: 'must be a UUID' }]);
    }
  });
});
