import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { readImageMetadata, readProvenance, type C2paReader } from '@listinglens/ai-signals';
import { ascii, CONTAINERS, imageWith, undefinedEntry, type Container, type TiffEntry } from './support/container-builders';
import { DIALECTS, DST, ENCODINGS, PAYLOADS, XMP } from './support/dialect-cases';

const noC2pa: C2paReader = { read: async () => null };
async function claimsOf(container: Container, ifd0: TiffEntry[], exif: TiffEntry[] = [], xmp: string | null = null) {
  const bytes = await imageWith(container, ifd0, exif, xmp);
  return (await readProvenance(bytes, readImageMetadata(bytes, container), noC2pa, null)).claims;
}

describe('EXIF UserComment: every encoding, every payload, every container', () => {
  for (const container of CONTAINERS) {
    for (const [encoding, encode] of Object.entries(ENCODINGS)) {
      for (const [payload, text, generator] of PAYLOADS) {
        if (encoding === 'JIS' && payload !== 'A1111') continue; // JSON with a kana prefix is not JSON
        it(`${container}: ${encoding}, ${payload}`, async () => {
          const claims = await claimsOf(container, [], [undefinedEntry(0x9286, encode(text))]);
          expect(claims).toHaveLength(1);
          expect(claims[0]).toMatchObject({ source: 'exif', path: `${container}.exif/UserComment` });
          expect(claims[0].generator).toMatch(generator);
        });
      }
    }
  }
});

describe('generator dialects, in every container', () => {
  for (const container of CONTAINERS) {
    for (const [dialect, ifd0, xmpAttrs, generator, paths] of DIALECTS) {
      it(`${container}: ${dialect}`, async () => {
        const claims = await claimsOf(container, ifd0, [], xmpAttrs ? XMP(xmpAttrs) : null);
        expect(claims.map((c) => c.path).sort()).toEqual(paths.map((p) => `${container}.${p}`).sort());
        if (generator) expect(claims.some((c) => c.generator?.startsWith(generator))).toBe(true);
        if (dialect.includes('composite')) expect(claims[0].kind).toBe('edited');
      });
    }
    it(`${container}: algorithmicMedia, a camera and a photo editor are not AI`, async () => {
      const camera = [ascii(0x10f, 'Canon'), ascii(0x110, 'Canon EOS 1300D'), ascii(0x131, 'Adobe Lightroom Classic 13.1'), ascii(0x13b, 'Jane Doe')];
      expect(await claimsOf(container, camera, [], XMP(`${DST('algorithmicMedia')} xmp:CreatorTool="Adobe Photoshop 25.0"`))).toEqual([]);
      expect(await claimsOf(container, [], [], XMP(DST('digitalCapture')))).toEqual([]);
    });
  }
});

describe('the files these tests build are what a maintained reader reads', () => {
  // exifr 7 is the oracle here, not the reader in production: it rejects WebP and hands UserComment back
  // as raw bytes (the encoding is ours to decode), so libs/ai-signals walks the TIFF structure itself.
  it('exifr reads the same Make and Software from JPEG, PNG eXIf and TIFF', async () => {
    for (const container of ['jpeg', 'png', 'tiff'] as const) {
      const bytes = await imageWith(container, [ascii(0x10f, 'Black Forest Labs'), ascii(0x131, 'AI generated;txt2img;flux')], []);
      const oracle = await exifr.parse(bytes, ['Make', 'Software']);
      const ours = readImageMetadata(bytes, container).exif;
      expect({ make: ours?.make, software: ours?.software }).toEqual({ make: oracle.Make, software: oracle.Software });
    }
  });
});
