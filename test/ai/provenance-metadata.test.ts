import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readImageMetadata, readProvenance, WasmC2paReader, writeNovelAiStealth, type C2paReader } from '@listinglens/ai-signals';
import {
  exifTiff,
  iTxtChunk,
  pngFromRaw,
  syntheticRgb,
  textChunk,
  withJpegApp1,
  withPngChunks,
  xmpPacket,
  zTxtChunk,
} from './support/fixture-builders';

const noC2pa: C2paReader = { read: async () => null };
const A1111 =
  'a red backpack on a table\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Model: sdxl_base, Version: v1.9.4';

async function basePng(): Promise<Buffer> {
  return pngFromRaw(await syntheticRgb(64, 64), 64, 64);
}
async function baseJpeg(): Promise<Buffer> {
  return sharp(await basePng()).jpeg().toBuffer();
}
async function provenanceOf(bytes: Buffer, format: string) {
  return readProvenance(bytes, readImageMetadata(bytes, format), noC2pa, null);
}

describe('PNG generator metadata', () => {
  it('names AUTOMATIC1111 from a tEXt parameters chunk, with path and value', async () => {
    const png = withPngChunks(await basePng(), [textChunk('parameters', A1111)]);
    const report = await provenanceOf(png, 'png');
    expect(report.claims).toHaveLength(1);
    expect(report.claims[0]).toMatchObject({
      source: 'png-text',
      path: 'png.tEXt[parameters]',
      generator: 'Stable Diffusion WebUI (AUTOMATIC1111), model sdxl_base',
    });
    expect(report.claims[0].value).toContain('Steps: 20');
  });

  it('reads uncompressed and compressed iTXt and zTXt chunks', async () => {
    for (const chunk of [iTxtChunk('parameters', A1111), iTxtChunk('parameters', A1111, true), zTxtChunk('parameters', A1111)]) {
      const report = await provenanceOf(withPngChunks(await basePng(), [chunk]), 'png');
      expect(report.claims.map((c) => c.generator)).toEqual(['Stable Diffusion WebUI (AUTOMATIC1111), model sdxl_base']);
    }
  });

  it('recognises ComfyUI, InvokeAI, SwarmUI, Fooocus and NovelAI chunks', async () => {
    const cases: [Buffer, string][] = [
      [textChunk('prompt', JSON.stringify({ '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'flux1-dev.safetensors' } } })), 'ComfyUI, model flux1-dev.safetensors'],
      [textChunk('invokeai_metadata', '{"positive_prompt":"bag"}'), 'InvokeAI'],
      [textChunk('parameters', JSON.stringify({ sui_image_params: { prompt: 'bag', steps: 20 } })), 'SwarmUI'],
      [textChunk('fooocus_scheme', 'fooocus'), 'Fooocus'],
      [textChunk('Software', 'NovelAI'), 'NovelAI'],
    ];
    for (const [chunk, generator] of cases) {
      const report = await provenanceOf(withPngChunks(await basePng(), [chunk]), 'png');
      expect(report.claims[0]?.generator).toBe(generator);
    }
  });

  it('does not flag ordinary text chunks', async () => {
    const png = withPngChunks(await basePng(), [textChunk('Software', 'GIMP 2.10'), textChunk('Comment', 'product shot, studio')]);
    expect((await provenanceOf(png, 'png')).claims).toEqual([]);
  });

  it('reads NovelAI stealth data hidden in the alpha channel', async () => {
    const rgb = await syntheticRgb(128, 128);
    const rgba = Buffer.alloc(128 * 128 * 4, 255);
    for (let i = 0; i < 128 * 128; i++) rgb.copy(rgba, i * 4, i * 3, i * 3 + 3);
    const pixels = { width: 128, height: 128, channels: 4 as const, data: rgba };
    writeNovelAiStealth(pixels, Buffer.from('{"prompt":"bag","steps":28,"sampler":"k_euler"}'), false);
    const png = await pngFromRaw(rgba, 128, 128, 4);
    const decoded = await sharp(png).ensureAlpha().raw().toBuffer();
    const report = await readProvenance(png, readImageMetadata(png, 'png'), noC2pa, { ...pixels, data: decoded });
    expect(report.claims[0]).toMatchObject({ source: 'stealth-alpha', generator: 'NovelAI', path: 'png.alpha-lsb[stealth_pnginfo]' });
  });
});

describe('EXIF', () => {
  it('decodes a UNICODE UserComment in either byte order (A1111 writes big-endian)', async () => {
    for (const le of [false, true]) {
      const text = Buffer.from(A1111, 'utf16le');
      if (!le) text.swap16();
      const tiff = exifTiff({ userComment: Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), text]) }, le);
      const jpeg = withJpegApp1(await baseJpeg(), Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
      const report = await provenanceOf(jpeg, 'jpeg');
      expect(report.claims[0]).toMatchObject({ source: 'exif', path: 'jpeg.exif/UserComment' });
      expect(report.claims[0].value).toContain('Steps: 20');
    }
  });

  it('flags a generator named in Software, not a photo editor', async () => {
    const make = async (software: string) =>
      withJpegApp1(await baseJpeg(), Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff({ software })]));
    expect((await provenanceOf(await make('Midjourney v6'), 'jpeg')).claims[0]?.generator).toBe('Midjourney');
    expect((await provenanceOf(await make('Adobe Photoshop 25.0'), 'jpeg')).claims).toEqual([]);
  });
});

describe('XMP / IPTC', () => {
  const jpegWithXmp = async (body: string) =>
    withJpegApp1(await baseJpeg(), Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmpPacket(body)}`, 'utf8'));

  it('flags trainedAlgorithmicMedia in attribute, element and resource form, full URI or short', async () => {
    const bodies = [
      'Iptc4xmpExt:DigitalSourceType=" http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia "/>',
      '><Iptc4xmpExt:DigitalSourceType>trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType></rdf:Description>',
      '><Iptc4xmpExt:DigitalSourceType rdf:resource="http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic"/></rdf:Description>',
    ];
    for (const body of bodies) {
      const report = await provenanceOf(await jpegWithXmp(body), 'jpeg');
      expect(report.claims[0]).toMatchObject({ source: 'xmp', kind: 'generated', path: 'jpeg.xmp/Iptc4xmpExt:DigitalSourceType' });
    }
  });

  it('does not flag algorithmicMedia or digitalCapture', async () => {
    for (const code of ['algorithmicMedia', 'digitalCapture']) {
      const report = await provenanceOf(await jpegWithXmp(`Iptc4xmpExt:DigitalSourceType="${code}"/>`), 'jpeg');
      expect(report.claims).toEqual([]);
    }
  });

  it('reads a "Made with Google AI" credit line, also from a WebP XMP chunk', async () => {
    const xmp = Buffer.from(xmpPacket('photoshop:Credit="Made with Google AI"/>'), 'utf8');
    const webp = await sharp(await basePng()).webp().toBuffer();
    // Rebuild as extended WebP: VP8X header + original image chunk + `XMP ` chunk.
    const image = webp.subarray(12);
    const vp8x = Buffer.alloc(18);
    vp8x.write('VP8X', 0, 'latin1');
    vp8x.writeUInt32LE(10, 4);
    vp8x[8] = 0x04; // XMP flag
    vp8x.writeUIntLE(63, 12, 3);
    vp8x.writeUIntLE(63, 15, 3);
    const xmpHead = Buffer.alloc(8);
    xmpHead.write('XMP ', 0, 'latin1');
    xmpHead.writeUInt32LE(xmp.length, 4);
    const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), vp8x, image, xmpHead, xmp, Buffer.alloc(xmp.length & 1)]);
    const riff = Buffer.alloc(8);
    riff.write('RIFF', 0, 'latin1');
    riff.writeUInt32LE(body.length, 4);
    const report = await provenanceOf(Buffer.concat([riff, body]), 'webp');
    expect(report.claims[0]).toMatchObject({ source: 'xmp', path: 'webp.xmp/photoshop:Credit', value: 'Made with Google AI' });
  });
});

describe('C2PA (real c2pa-rs fixtures, MIT/Apache-2.0)', () => {
  const reader = new WasmC2paReader();
  const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

  it('does not flag the algorithmicMedia manifest and reports it valid', async () => {
    const bytes = fixture('c2pa-algorithmic-media.jpg');
    const report = await readProvenance(bytes, readImageMetadata(bytes, 'jpeg'), reader, null);
    expect(report.claims).toEqual([]);
    expect(report.c2pa).toMatchObject({ validation: 'valid', nonAiSourceTypes: ['algorithmicMedia'] });
  });

  it('reports a manifest whose hash no longer matches as unverified', async () => {
    const bytes = fixture('c2pa-tampered.jpg');
    const report = await readProvenance(bytes, readImageMetadata(bytes, 'jpeg'), reader, null);
    expect(report.c2pa?.validation).toBe('unverified');
    expect(report.c2pa?.failures).toContain('assertion.dataHash.mismatch');
  });

  it('returns no manifest for a plain image', async () => {
    expect(await reader.read(await baseJpeg(), 'image/jpeg')).toBeNull();
  });
});
