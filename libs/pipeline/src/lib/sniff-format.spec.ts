import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sniffFormat } from './sniff-format';

describe('sniffFormat', () => {
  it('reads the real format, not the name', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).png().toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    const webp = await sharp(png).webp().toBuffer();
    expect(sniffFormat(png)).toBe('png');
    expect(sniffFormat(jpeg)).toBe('jpeg');
    expect(sniffFormat(webp)).toBe('webp');
  });

  it('refuses bytes that are not an image', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7 hello world'))).toBeNull();
    expect(sniffFormat(Buffer.alloc(3))).toBeNull();
  });
});
