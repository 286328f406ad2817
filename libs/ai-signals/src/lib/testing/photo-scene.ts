import sharp from 'sharp';

/**
 * A photo-like scene for reuse tests (same seed, same photo): a gradient under 40 overlapping shapes
 * placed by a seeded generator, as a JPEG. Flat test images hash alike; this one has structure at every
 * scale, as the pHash and the centre hash need. `opacity` lets the shapes overlap visibly.
 */
export function photoScene(seed: number, opacity?: number): Promise<Buffer> {
  let s = seed >>> 0;
  const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const colour = () => `hsl(${Math.floor(r() * 360)},${30 + Math.floor(r() * 50)}%,${20 + Math.floor(r() * 60)}%)`;
  const alpha = opacity === undefined ? '' : ` opacity="${opacity}"`;
  let shapes = '';
  for (let i = 0; i < 40; i++) {
    const [x, y, size] = [Math.round(r() * 800), Math.round(r() * 600), Math.round(20 + r() * 120)];
    shapes += r() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${Math.round(size / 2)}" fill="${colour()}"${alpha}/>`
      : `<rect x="${x}" y="${y}" width="${size}" height="${Math.round(size * (0.5 + r()))}" fill="${colour()}"${alpha} transform="rotate(${Math.floor(r() * 90)} ${x} ${y})"/>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs><rect width="800" height="600" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}
