import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { malformedTextProblems } from '@listinglens/contracts';
import { parsePrices } from '../../libs/text-detectors/src/lib/parsers/price-parser';
import { readPngChunks } from '../../libs/ai-signals/src/lib/containers/png-chunks';
import { readJpegMetadata } from '../../libs/ai-signals/src/lib/containers/jpeg-segments';
import { csvExport } from '../../apps/api/src/audit/csv-export';

/** Property-based drill (issue 10): parsers and walkers that see hostile input hold for any input. */
const RUNS = Number(process.env.DRILL_PROPERTY_RUNS ?? 300);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]); // the walker does not check CRCs
}

describe('property drill', () => {
  it('price parser: any text gives in-bounds, ordered, non-overlapping mentions with decimal amounts', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,$¥€￥元万 USDRMB到手价-:%'.split('')), maxLength: 60 }), (text) => {
        const found = parsePrices(text);
        let end = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(end);
          expect(text.slice(m.start, m.end)).toBe(m.raw);
          expect(m.amount).toMatch(/^\d+(\.\d+)?$/);
          end = m.end;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('price parser: a dollar price written with thousands separators reads back as its value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const text = `Now $${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} only`;
        const [mention] = parsePrices(text);
        expect(Number(mention.amount)).toBeCloseTo(cents / 100, 2);
      }),
      { numRuns: RUNS },
    );
  });

  it('PNG chunk walker: any chunk sequence, truncation or length lie ends the walk without throwing', () => {
    const anyChunk = fc.oneof(
      fc.record({ type: fc.constantFrom('tEXt', 'zTXt', 'iTXt', 'eXIf', 'caBX', 'IHDR', 'IDAT'), data: fc.uint8Array({ maxLength: 64 }) }).map(({ type, data }) => chunk(type, Buffer.from(data))),
      fc.uint8Array({ maxLength: 40 }).map((d) => chunk('zTXt', Buffer.concat([Buffer.from('k\0\0'), deflateSync(Buffer.from(d))]))),
      fc.uint8Array({ maxLength: 16 }).map((d) => Buffer.from(d)), // garbage, e.g. a length of 4 GB
    );
    fc.assert(
      fc.property(fc.array(anyChunk, { maxLength: 8 }), fc.nat(), (chunks, cut) => {
        const bytes = Buffer.concat([PNG_SIGNATURE, ...chunks]);
        const result = readPngChunks(bytes.subarray(0, Math.max(8, cut % (bytes.length + 1))));
        expect(Array.isArray(result.texts)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('JPEG segment walker (APP1 EXIF/XMP, APP11 JUMBF): any segments or garbage end the walk without throwing', () => {
    const segment = fc
      .record({ marker: fc.constantFrom(0xe1, 0xeb, 0xfe, 0xdb, 0xc0, 0xda, 0xd9), body: fc.uint8Array({ maxLength: 80 }), lie: fc.boolean(), prefix: fc.constantFrom('', 'Exif\0\0', 'http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0', 'JP\0\0\0\0\0\0jumb') })
      .map(({ marker, body, lie, prefix }) => {
        const payload = Buffer.concat([Buffer.from(prefix, 'latin1'), Buffer.from(body)]);
        const length = lie ? 0xffff : Math.min(payload.length + 2, 0xffff);
        return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), payload]);
      });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const result = readJpegMetadata(Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments]));
        expect(typeof result.hasC2pa).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });

  it('text validation: well-formed text passes; one NUL or lone surrogate anywhere is named', () => {
    const clean = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    fc.assert(
      fc.property(clean, fc.nat(), fc.constantFrom('\u0000', '\ud800', '\udfff'), (text, at, bad) => {
        expect(malformedTextProblems({ title: text })).toEqual([]);
        const i = at % (text.length + 1);
        // A lone high surrogate right before a low one would pair up: keep it lone.
        const broken = `${text.slice(0, i)}${bad}${bad === '\ud800' ? 'x' : ''}${text.slice(i)}`;
        const problems = malformedTextProblems({ title: broken });
        if (bad === '\udfff' && /[\ud800-\udbff]$/.test(text.slice(0, i))) return; // that pairs into a valid character
        expect(problems.map((p) => p.field)).toEqual(['title']);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV writer: any cell round-trips through a CSV parser, and no cell can start a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", 'a', '1', ' ', '中'), maxLength: 12 }), { minLength: 1, maxLength: 4 }), async (cells) => {
        const columns = cells.map((_, i) => `c${i}`);
        const rows = (async function* () {
          yield Object.fromEntries(cells.map((cell, i) => [columns[i], cell]));
        })();
        let text = '';
        for await (const chunk of csvExport(columns, rows)) text += String(chunk);
        const [header, row, ...more] = parse(text, { relax_column_count: true }) as string[][];
        expect(header).toEqual(columns);
        expect(more).toEqual([]);
        expect(row).toHaveLength(cells.length);
        row.forEach((parsed, i) => {
          expect(parsed).toBe(/^[=+\-@\t\r]/.test(cells[i]) ? `'${cells[i]}` : cells[i]);
          expect(parsed).not.toMatch(/^[=+\-@\t\r]/);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
