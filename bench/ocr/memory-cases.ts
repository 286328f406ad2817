import { createHash } from 'node:crypto';
import { createTextReader } from '@listinglens/ocr';
import { NO_PDQ } from '@listinglens/pipeline';
import sharp from 'sharp';
import { treeRssMb } from './process-tree';

/** Peak memory (this process + the OCR pool) reading one large image: the 750×12000 page and
 * a 35 MP scan. Rendered here (a text line every 300 px), so no corpus is needed. */
export async function peakRssReading(width: number, height: number): Promise<{ mb: number; lines: number; seconds: number }> {
  const rows = Array.from({ length: Math.floor(height / 300) }, (_, i) => `<text x="40" y="${150 + i * 300}" font-size="${Math.round(width / 25)}" font-family="WenQuanYi Zen Hei">SALE ${i} 限时特价 ¥${i}9</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${rows.join('')}</svg>`;
  const bytes = await sharp(Buffer.from(svg), { limitInputPixels: false }).jpeg({ quality: 85 }).toBuffer();
  const reader = createTextReader({ poolSize: 2 });
  await reader.warmUp();
  let peak = treeRssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb())), 50);
  const t0 = performance.now();
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const result = await reader.read({ position: 0, bytes, sha256, format: 'jpeg', width, height, phash: '0', ...NO_PDQ });
    return { mb: Math.max(peak, treeRssMb()), lines: result.words.length, seconds: (performance.now() - t0) / 1000 };
  } finally {
    clearInterval(sampler);
    await reader.close();
  }
}
