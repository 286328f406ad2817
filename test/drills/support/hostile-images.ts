import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { hugePng, pngChunk, SD_PARAMETERS, withTextChunk } from '../../support/images';

/** 60+ hostile images for the drill, generated here (nothing hostile is committed as a file). */
export type HostileImage = { name: string; bytes: Buffer };

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG header claiming width×height with one tiny IDAT: the header check must refuse or cope. */
function pngHeader(width: number, height: number, depth = 8, colour = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colour, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIG, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(64))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A baseline JPEG SOF0 header claiming width×height, then garbage. */
function jpegHeader(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0]), randomBytes(256), Buffer.from([0xff, 0xd9])]);
}

function gifHeader(width: number, height: number): Buffer {
  const b = Buffer.from('GIF89a\0\0\0\0\0\0\0', 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return Buffer.concat([b, Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b])]);
}

/** A little-endian TIFF whose one IFD claims width×height greyscale, with 16 bytes of strip data. */
function tiffHeader(width: number, height: number): Buffer {
  const tags: Array<[number, number, number]> = [[256, 4, width], [257, 4, height], [258, 3, 8], [259, 3, 1], [262, 3, 1], [273, 4, 8 + 2 + 8 * 12 + 4], [278, 4, height], [279, 4, 16]];
  const ifd = Buffer.alloc(2 + tags.length * 12 + 4);
  ifd.writeUInt16LE(tags.length, 0);
  tags.forEach(([tag, type, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(1, at + 4);
    if (type === 3) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value, at + 8);
  });
  return Buffer.concat([Buffer.from('II*\0\x08\0\0\0', 'latin1'), ifd, Buffer.alloc(16)]);
}

const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64">${body}</svg>`);

export async function hostileImages(): Promise<HostileImage[]> {
  const photo = sharp({ create: { width: 320, height: 240, channels: 3, background: '#c96' } });
  const valid = {
    png: await photo.clone().png().toBuffer(),
    jpeg: await photo.clone().jpeg().toBuffer(),
    progressive: await photo.clone().jpeg({ progressive: true }).toBuffer(),
    webp: await photo.clone().webp().toBuffer(),
    gif: await photo.clone().gif().toBuffer(),
    tiff: await photo.clone().tiff().toBuffer(),
    avif: await photo.clone().avif({ effort: 0 }).toBuffer(),
  };
  const out: HostileImage[] = [];
  const add = (name: string, bytes: Buffer) => out.push({ name, bytes });

  for (const [format, bytes] of Object.entries(valid)) {
    for (const share of [0.1, 0.5, 0.9]) add(`truncated ${format} at ${share * 100}%`, bytes.subarray(0, Math.floor(bytes.length * share)));
  }
  const magics: Record<string, Buffer> = {
    png: PNG_SIG, jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]), gif: Buffer.from('GIF89a'), webp: Buffer.from('RIFF\x10\0\0\0WEBPVP8 ', 'latin1'),
    tiff: Buffer.from('II*\0', 'latin1'), bmp: Buffer.from('BM'), avif: Buffer.from('\0\0\0\x1cftypavif', 'latin1'), heic: Buffer.from('\0\0\0\x18ftypheic', 'latin1'),
  };
  for (const [format, magic] of Object.entries(magics)) add(`${format} magic + garbage`, Buffer.concat([magic, randomBytes(4096)]));
  add('empty file', Buffer.alloc(0));
  add('one byte', Buffer.from([0x89]));
  add('text, not an image', Buffer.from('hello, I am not an image'));

  add('PNG bomb 20000² zeros (400 kB)', hugePng(20_000));
  add('PNG header 30000²', pngHeader(30_000, 30_000));
  add('PNG header 65535² 16-bit RGBA', pngHeader(65_535, 65_535, 16, 6));
  add('PNG header 0×0', pngHeader(0, 0));
  add('PNG header 2^31 wide', pngHeader(0x7fffffff, 1));
  add('JPEG header 30000²', jpegHeader(30_000, 30_000));
  add('JPEG header 65500×65500', jpegHeader(65_500, 65_500));
  add('GIF header 65535²', gifHeader(65_535, 65_535));
  add('TIFF header 30000²', tiffHeader(30_000, 30_000));

  add('PNG 1×100000 strip', await sharp({ create: { width: 1, height: 100_000, channels: 3, background: '#fff' } }).png().toBuffer());
  add('PNG 100000×1 strip', await sharp({ create: { width: 100_000, height: 1, channels: 3, background: '#fff' } }).png().toBuffer());
  add('PNG header 1×10000000 strip (under the pixel cap)', pngHeader(1, 10_000_000));
  add('PNG header 2×20000000 strip', pngHeader(2, 20_000_000));
  // Issue 23: thin enough that the centre hash's 512 px grey is 1 px across (sharp.extract threw on it).
  add('PNG 3×180000 strip (centre hash)', await sharp({ create: { width: 3, height: 180_000, channels: 3, background: '#888' } }).png().toBuffer());
  add('PNG 240000×2 strip (centre hash)', await sharp({ create: { width: 240_000, height: 2, channels: 3, background: '#888' } }).png().toBuffer());
  add('JPEG 65000×1 strip', await sharp({ create: { width: 65_000, height: 1, channels: 3, background: '#000' } }).jpeg().toBuffer());

  add('CMYK JPEG', await photo.clone().toColourspace('cmyk').jpeg().toBuffer());
  add('16-bit PNG', await photo.clone().toColourspace('rgb16').png().toBuffer());
  add('16-bit TIFF', await photo.clone().toColourspace('rgb16').tiff().toBuffer());
  add('grey + alpha PNG', await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 9, g: 9, b: 9, alpha: 0.3 } } }).toColourspace('b-w').png().toBuffer());
  add('palette PNG', await photo.clone().png({ palette: true, colours: 4 }).toBuffer());

  const frames = await sharp({ create: { width: 64, height: 64 * 3, channels: 3, background: '#39f' } }).raw().toBuffer();
  const animated = sharp(frames, { raw: { width: 64, height: 64 * 3, channels: 3, pageHeight: 64 } as never });
  add('animated GIF (3 frames)', await animated.clone().gif().toBuffer());
  add('animated WebP (3 frames)', await animated.clone().webp().toBuffer());
  add('multi-page TIFF (3 pages)', await animated.clone().tiff().toBuffer());
  const many = await sharp({ create: { width: 16, height: 16 * 500, channels: 3, background: '#f39' } }).raw().toBuffer();
  add('animated GIF (500 frames)', await sharp(many, { raw: { width: 16, height: 16 * 500, channels: 3, pageHeight: 16 } as never }).gif().toBuffer());

  add('SVG with http image (metadata address)', svg('<image href="http://169.254.169.254/latest/meta-data/" width="64" height="64"/>'));
  add('SVG with file:// image', svg('<image xlink:href="file:///etc/passwd" width="64" height="64"/>'));
  add('SVG with XXE entity', Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text y="20">&x;</text></svg>'));
  add('SVG with CSS @import', svg('<style>@import url("http://127.0.0.1:9/x.css");</style><rect width="64" height="64"/>'));
  add('SVG billion laughs', Buffer.from(`<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i ? 'b'.repeat(i) : 'a'};`.repeat(10)}">`).join('')}]><svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text>&bbbbbbbb;</text></svg>`));
  add('SVG 30000² canvas', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="30000" height="30000"><rect width="30000" height="30000"/></svg>'));

  add('PNG with 1 MB tEXt', withTextChunk(valid.png, 'Comment', 'Designer '.repeat(120_000)));
  add('PNG with SD parameters + 765 kB Software', withTextChunk(withTextChunk(valid.png, 'parameters', SD_PARAMETERS), 'Software', 'Designer '.repeat(85_000)));
  add('PNG with unclosed 600 kB XMP', withTextChunk(valid.png, 'XML:com.adobe.xmp', `<x:xmpmeta><dc:rights>${'<name>x'.repeat(85_000)}`));
  add('PNG with zTXt bomb', Buffer.concat([valid.png.subarray(0, 33), pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0'), deflateSync(Buffer.alloc(64 * 1024 * 1024))])), valid.png.subarray(33)]));
  const com = Buffer.concat(Array.from({ length: 40 }, () => Buffer.concat([Buffer.from([0xff, 0xfe, 0xff, 0xff]), Buffer.alloc(0xfffd, 0x41)])));
  add('JPEG with 40 × 64 kB comments', Buffer.concat([valid.jpeg.subarray(0, 2), com, valid.jpeg.subarray(2)]));
  add('JPEG with a segment length past the end', Buffer.concat([valid.jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff]), Buffer.from('Exif\0\0II*\0')]));
  add('PNG with bad CRCs', Buffer.from(valid.png.map((b, i) => (i > 40 && i % 97 === 0 ? b ^ 0xff : b))));
  add('JPEG without scan data', valid.jpeg.subarray(0, valid.jpeg.indexOf(Buffer.from([0xff, 0xda]))));
  add('WebP with a RIFF size of 4 GB', Buffer.concat([Buffer.from('RIFF\xff\xff\xff\xffWEBP', 'latin1'), valid.webp.subarray(12)]));
  return out;
}
