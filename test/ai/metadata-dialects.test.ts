import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { readImageMetadata, readProvenance, type C2paReader } from '@listinglens/ai-signals';
import { ascii, CONTAINERS, imageWith, undefinedEntry, xpEntry, type Container, type TiffEntry } from './support/container-builders';
import { xmpPacket } from './support/fixture-builders';

const noC2pa: C2paReader = { read: async () => null };
const A1111 = 'red backpack\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Model: juggernautXL, Version: v1.10.1';
const COMFY = JSON.stringify({
  prompt: { '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } } },
  workflow: { nodes: [{ id: 4, type: 'CheckpointLoaderSimple' }] },
});
const CIVITAI = JSON.stringify({ prompt: 'red backpack', steps: 30, sampler: 'DPM++ 2M', resources: [{ air: 'urn:air:sdxl:checkpoint:civitai:133005@782002' }] });

async function claimsOf(container: Container, ifd0: TiffEntry[], exif: TiffEntry[] = [], xmp: string | null = null) {
  const bytes = await imageWith(container, ifd0, exif, xmp);
  return (await readProvenance(bytes, readImageMetadata(bytes, container), noC2pa, null)).claims;
}

/** UserComment = 8-byte character code + body, in each encoding EXIF 2.32 allows. */
const ENCODINGS: Record<string, (text: string) => Buffer> = {
  ASCII: (t) => Buffer.concat([Buffer.from('ASCII\0\0\0', 'latin1'), Buffer.from(t, 'utf8')]),
  'UNICODE UTF-16LE': (t) => Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), Buffer.from(t, 'utf16le')]),
  'UNICODE UTF-16BE': (t) => Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), Buffer.from(t, 'utf16le').swap16()]),
  'UNICODE LE + BOM': (t) => Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  'UNICODE BE + BOM': (t) => Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
  // JIS: the ASCII range of Shift_JIS is ASCII, plus one kana pair (0x82a0 = あ) so decoding matters.
  JIS: (t) => Buffer.concat([Buffer.from('JIS\0\0\0\0\0', 'latin1'), Buffer.from([0x82, 0xa0]), Buffer.from(t, 'latin1')]),
  undefined: (t) => Buffer.concat([Buffer.alloc(8), Buffer.from(t, 'utf8')]),
};
const PAYLOADS: [string, string, RegExp][] = [
  ['A1111', A1111, /^Stable Diffusion WebUI \(AUTOMATIC1111\), model juggernautXL$/],
  ['ComfyUI JSON', COMFY, /^ComfyUI, model sd_xl_base_1\.0\.safetensors$/],
  ['Civitai JSON', CIVITAI, /^Civitai \(urn:air:sdxl:checkpoint:civitai:133005@782002\)$/],
];

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

const XMP = (attrs: string) => xmpPacket(`xmlns:dc="http://purl.org/dc/elements/1.1/" ${attrs}/>`);
const DST = (code: string) => `Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/${code}"`;
const MJ = 'red backpack on a desk --ar 4:3 --v 6.1 Job ID: 5f3c2a1e-9b7d-4c1a-8e2f-0a1b2c3d4e5f';

/** [dialect, IFD0 entries, XMP attributes, expected generator, expected paths]. */
const DIALECTS: [string, TiffEntry[], string | null, string | null, string[]][] = [
  ['Flux (Make + Software)', [ascii(0x10f, 'Black Forest Labs'), ascii(0x131, 'AI generated;txt2img;flux')], null, 'FLUX', ['exif/Software', 'exif/Make']],
  ['Midjourney (Job ID + IPTC)', [ascii(0x10e, MJ)], DST('trainedAlgorithmicMedia'), 'Midjourney', ['xmp/Iptc4xmpExt:DigitalSourceType', 'exif/ImageDescription']],
  ['Midjourney (XMP description)', [], `dc:description="${MJ}"`, 'Midjourney', ['xmp/dc:description']],
  ['DALL·E / gpt-image (XMP)', [], `${DST('trainedAlgorithmicMedia')} xmp:CreatorTool="ChatGPT gpt-image-1"`, 'OpenAI image generation', ['xmp/Iptc4xmpExt:DigitalSourceType', 'xmp/xmp:CreatorTool']],
  ['Firefly', [], `${DST('trainedAlgorithmicMedia')} xmp:CreatorTool="Adobe Firefly"`, 'Adobe Firefly', ['xmp/Iptc4xmpExt:DigitalSourceType', 'xmp/xmp:CreatorTool']],
  ['Imagen / Gemini', [], `${DST('trainedAlgorithmicMedia')} photoshop:Credit="Made with Google AI"`, null, ['xmp/Iptc4xmpExt:DigitalSourceType', 'xmp/photoshop:Credit']],
  ['Meta AI', [], `${DST('trainedAlgorithmicMedia')} photoshop:Credit="Imagined with AI"`, null, ['xmp/Iptc4xmpExt:DigitalSourceType', 'xmp/photoshop:Credit']],
  ['Ideogram', [ascii(0x131, 'Ideogram 2.0')], null, 'Ideogram', ['exif/Software']],
  ['Leonardo', [ascii(0x131, 'Leonardo.Ai')], null, 'Leonardo.Ai', ['exif/Software']],
  ['NovelAI', [ascii(0x131, 'NovelAI')], null, 'NovelAI', ['exif/Software']],
  ['InvokeAI', [ascii(0x131, 'InvokeAI 4.2.9')], null, 'InvokeAI', ['exif/Software']],
  ['Fooocus (A1111 text in XPComment)', [xpEntry(0x9c9c, A1111.replace('v1.10.1', 'Fooocus v2.5.5'))], null, 'Fooocus', ['exif/XPComment']],
  ['SwarmUI', [xpEntry(0x9c9c, JSON.stringify({ sui_image_params: { prompt: 'bag', steps: 20 } }))], null, 'SwarmUI', ['exif/XPComment']],
  ['Draw Things', [ascii(0x131, 'Draw Things'), xpEntry(0x9c9c, JSON.stringify({ c: 'bag', sampler: 'DPM++ 2M Karras', steps: 20, model: 'sdxl.ckpt' }))], null, 'Draw Things', ['exif/Software', 'exif/XPComment']],
  ['XPKeywords', [xpEntry(0x9c9e, 'backpack; Stable Diffusion')], null, 'Stable Diffusion', ['exif/XPKeywords']],
  ['Artist credit line', [ascii(0x13b, 'AI-generated by ShopBot')], null, null, ['exif/Artist']],
  ['IPTC composite (AI-edited)', [], DST('compositeWithTrainedAlgorithmicMedia'), null, ['xmp/Iptc4xmpExt:DigitalSourceType']],
];

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
