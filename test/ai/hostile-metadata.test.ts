import { describe, expect, it } from 'vitest';
import { readImageMetadata, readProvenance, type C2paReader } from '@listinglens/ai-signals';
import { exifTiff, iTxtChunk, pngChunk, pngFromRaw, syntheticRgb, textChunk, withPngChunks, xmpPacket } from './support/fixture-builders';

/**
 * Metadata is attacker-written text read on the worker's event loop. Quadratic regexes over it blocked
 * the loop for ~50 s (Software "Designer " × 85,000) and 18 s (600 KB XMP with unclosed <dc:rights>);
 * BullMQ lost the job's lock and ran it, and an unrelated job, twice. Each case must take well under 1 s.
 */
const noC2pa: C2paReader = { read: async () => null };
const BUDGET_MS = 1_000;

async function timedProvenance(chunks: Buffer[]) {
  const png = withPngChunks(await pngFromRaw(await syntheticRgb(64, 64), 64, 64), chunks);
  const started = performance.now();
  const report = await readProvenance(png, readImageMetadata(png, 'png'), noC2pa, null);
  return { report, ms: performance.now() - started };
}

describe('hostile metadata is read in linear time', () => {
  it('a 765 KB Software text of "Designer " × 85,000', async () => {
    const { report, ms } = await timedProvenance([textChunk('Software', 'Designer '.repeat(85_000))]);
    expect(report.claims).toEqual([]);
    expect(ms).toBeLessThan(BUDGET_MS);
  }, 120_000);

  it('a 600 KB XMP packet of unclosed <dc:rights> tags, and one of unclosed < in a value', async () => {
    for (const body of ['><dc:rights>'.repeat(50_000), `><dc:rights>${'<a'.repeat(300_000)}</dc:rights></rdf:Description>`]) {
      const { ms } = await timedProvenance([iTxtChunk('XML:com.adobe.xmp', xmpPacket(body))]);
      expect(ms).toBeLessThan(BUDGET_MS);
    }
  }, 120_000);

  it('an EXIF UserComment of 200,000 NULs followed by text', async () => {
    const comment = Buffer.concat([Buffer.from('ASCII\0\0\0', 'latin1'), Buffer.alloc(200_000), Buffer.from('x')]);
    const { ms } = await timedProvenance([pngChunk('eXIf', exifTiff({ userComment: comment }))]);
    expect(ms).toBeLessThan(BUDGET_MS);
  }, 120_000);

  it('still names the generators those patterns are for, and still reads XMP elements', async () => {
    const named = async (software: string) => (await timedProvenance([textChunk('Software', software)])).report.claims.map((c) => c.generator);
    expect(await named('Microsoft Designer (AI image)')).toEqual(['Microsoft Image Creator']);
    expect(await named('RunwayML Gen-3')).toEqual(['Runway']);
    expect(await named('Designer 2.1')).toEqual([]);
    const xmp = xmpPacket('><dc:rights><rdf:Alt><rdf:li xml:lang="x-default">Made with <b>Google</b> AI</rdf:li></rdf:Alt></dc:rights></rdf:Description>');
    const { report } = await timedProvenance([iTxtChunk('XML:com.adobe.xmp', xmp)]);
    expect(report.claims).toEqual([expect.objectContaining({ path: 'png.xmp/dc:rights', value: 'Made with Google AI' })]);
  });
});
