import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, readListings } from './read-listings';

const HEADER = 'marketplace,externalId,sellerId,title,description,price,currency,aiDisclosure,images';

async function csvFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'll-csv-')), 'in.csv');
  await writeFile(file, text);
  return file;
}

describe('readListings (CSV)', () => {
  it('reads quoted commas, quotes and line breaks, a BOM and CRLF, and names each record by the line it starts on', async () => {
    const text = `\uFEFF${HEADER}\r\nm,a,s,"Bowl, ""blue""","two\r\nlines",9.99,USD,,https://x.test/a.png|b.png\r\n\r\nm,b,s,Cup,,1,EUR,true,c.png\r\n`;
    const records = await readListings(await csvFile(text));
    expect(records.map((r) => r.line)).toEqual([2, 5]);
    expect(records[0].listing).toMatchObject({
      title: 'Bowl, "blue"',
      description: 'two\r\nlines',
      price: { amount: '9.99', currency: 'USD' },
      images: [{ url: 'https://x.test/a.png' }, { path: 'b.png' }],
    });
    expect(records[1].listing).toMatchObject({ externalId: 'b', aiDisclosure: true, images: [{ path: 'c.png' }] });
  });

  it('reports a bad row with its line and field, and keeps the others', async () => {
    const records = await readListings(await csvFile(`${HEADER}\nm,a,s,,,1,USD,,a.png\nm,b,s,t,,1,USD,,b.png\n`));
    expect(records[0]).toMatchObject({ line: 2, error: expect.stringMatching(/^title: /) });
    expect(records[1].listing?.externalId).toBe('b');
  });

  it('refuses a file with an unclosed quote as one input error', async () => {
    await expect(readListings(await csvFile(`${HEADER}\nm,a,s,"unclosed,,1,USD,,a.png\n`))).rejects.toThrow(InputError);
    await expect(readListings(await csvFile(`${HEADER}\nm,a,s,"unclosed,,1,USD,,a.png\n`))).rejects.toThrow(/not valid CSV/);
  });
});
