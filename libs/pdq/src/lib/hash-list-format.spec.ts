import { describe, expect, it } from 'vitest';
import { parseHashList, splitCsvLine } from './hash-list-format';

const A = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
const B = 'a'.repeat(64);

async function parse(text: string) {
  async function* lines() {
    yield* text.split('\n');
  }
  const out = [];
  for await (const item of parseHashList(lines())) out.push(item);
  return out;
}

describe('parseHashList', () => {
  it('reads one hash per line with # comments, lowercases, and names each bad line by number', async () => {
    const items = await parse(`# partner list\n${A.toUpperCase()}\n\nnot-a-hash\n${B}\n${A.slice(1)}\n`);
    expect(items).toEqual([
      { ok: true, line: 2, pdq: A, externalId: null, note: null },
      { ok: false, line: 4, reason: 'pdq: not a PDQ hash (64 hex digits)' },
      { ok: true, line: 5, pdq: B, externalId: null, note: null },
      { ok: false, line: 6, reason: 'pdq: not a PDQ hash (64 hex digits)' },
    ]);
  });

  it('reads CSV with a pdq column and optional id and note, quoted commas included', async () => {
    const items = await parse(`note,pdq,id\n"fake, counterfeit",${A},case-1\n,${B},\nx,zz,case-3`);
    expect(items).toEqual([
      { ok: true, line: 2, pdq: A, externalId: 'case-1', note: 'fake, counterfeit' },
      { ok: true, line: 3, pdq: B, externalId: null, note: null },
      { ok: false, line: 4, reason: 'pdq: not a PDQ hash (64 hex digits)' },
    ]);
  });

  it('splits RFC 4180 quoting and refuses an open quote', () => {
    expect(splitCsvLine('a,"b ""c"", d",')).toEqual(['a', 'b "c", d', '']);
    expect(splitCsvLine('"open')).toBeNull();
  });
});
