import { describe, expect, it } from 'vitest';
import { responseExcerpt } from './response-excerpt';

describe('response excerpt', () => {
  it('keeps a short body as text', () => {
    expect(responseExcerpt(Buffer.from('{"ok":true}\n'))).toBe('{"ok":true}');
  });

  it('is null for an empty body', () => {
    expect(responseExcerpt(Buffer.alloc(0))).toBeNull();
    expect(responseExcerpt('  \n')).toBeNull();
  });

  it('cuts long bodies by characters, not bytes, and says so', () => {
    const excerpt = responseExcerpt('错'.repeat(2_000), 10);
    expect(excerpt).toBe(`${'错'.repeat(10)}…`);
  });

  it('replaces control characters so logs and JSON stay readable', () => {
    expect(responseExcerpt('a\u0000b\u001bc\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
  });
});
