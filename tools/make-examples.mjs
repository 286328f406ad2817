#!/usr/bin/env node
// Renders the example images in examples/images (our own renders, no third-party content).
// Re-run after changing it: node tools/make-examples.mjs
import { writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

const out = new URL('../examples/images/', import.meta.url).pathname;
const font = "font-family=\"WenQuanYi Zen Hei, sans-serif\"";

async function render(name, width, height, background, body) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${background}"/>${body}</svg>`;
  const image = sharp(Buffer.from(svg));
  const bytes = name.endsWith('.jpg') ? await image.jpeg({ quality: 90 }).toBuffer() : await image.png().toBuffer();
  await writeFile(out + name, bytes);
  return bytes;
}

const product = `<circle cx="400" cy="330" r="190" fill="#3b6ea5"/><rect x="300" y="230" width="200" height="200" rx="24" fill="#e8eef5"/>`;
await render('clean-product.jpg', 800, 800, '#f4f4f4', product);
await render('price-tag.png', 800, 800, '#ffffff', `${product}
  <rect x="40" y="560" width="720" height="200" fill="#d62828"/>
  <text x="70" y="640" ${font} font-size="64" fill="#fff" font-weight="bold">WAS $99.00 NOW $29.00</text>
  <text x="70" y="725" ${font} font-size="64" fill="#ffd60a" font-weight="bold">-70% OFF</text>`);
await render('coupon-cn.png', 800, 800, '#fff7e6', `${product}
  <rect x="40" y="560" width="720" height="200" fill="#ff4d4f"/>
  <text x="70" y="640" ${font} font-size="64" fill="#fff">领券立减 满200减30</text>
  <text x="70" y="725" ${font} font-size="56" fill="#fff">券后价 ¥99</text>`);
await render('livestream.png', 720, 1280, '#222222', `
  <rect x="30" y="40" width="120" height="56" rx="8" fill="#ff2d55"/>
  <text x="45" y="82" ${font} font-size="40" fill="#fff" font-weight="bold">LIVE</text>
  <text x="170" y="82" ${font} font-size="36" fill="#fff">12.8万人观看</text>
  <text x="40" y="980" ${font} font-size="34" fill="#fff">小美: 这个颜色好看吗</text>
  <rect x="420" y="1130" width="260" height="90" rx="45" fill="#ff2d55"/>
  <text x="455" y="1190" ${font} font-size="44" fill="#fff">立即购买</text>`);
await render('contact.png', 800, 800, '#ffffff', `${product}
  <text x="60" y="680" ${font} font-size="56" fill="#111">加微信 VX: shop8888</text>
  <text x="60" y="750" ${font} font-size="48" fill="#111">WhatsApp +86 138 0013 8000</text>`);
const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8ab' } }).jpeg().toBuffer();
await writeFile(out + 'truncated.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)));
// An AI-generated product shot as Stable Diffusion WebUI saves it: its settings in a PNG tEXt chunk
// named "parameters". The provenance reader finds that without OCR, so the quick start shows
// ai.provenance / ai.undisclosed whatever the OCR engine reads.
const ai = await render('ai-product.png', 512, 512, '#eef2f7', product.replaceAll('400', '256').replaceAll('330', '256'));
const text = Buffer.from('parameters\0a blue ceramic bowl, studio photo\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Version: v1.9.4', 'latin1');
const chunk = Buffer.alloc(12 + text.length);
chunk.writeUInt32BE(text.length, 0);
chunk.write('tEXt', 4, 'latin1');
text.copy(chunk, 8);
chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length);
const ihdrEnd = 8 + 8 + ai.readUInt32BE(8) + 4;
await writeFile(out + 'ai-product.png', Buffer.concat([ai.subarray(0, ihdrEnd), chunk, ai.subarray(ihdrEnd)]));
console.log('examples/images written');
