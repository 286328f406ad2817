import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { ImageSource } from '@listinglens/contracts';
import { ImageError } from './image-error';
import type { HttpFetcher } from './image-fetcher';

/** Turns an image source into bytes, with the same byte cap whatever the source. */
export class ImageLoader {
  constructor(
    private readonly fetcher: HttpFetcher,
    private readonly maxBytes: number,
    /** Base folder for `path` sources (the CLI's input file's folder); null refuses paths. */
    private readonly pathBase: string | null = null,
  ) {}

  async load(source: ImageSource): Promise<Buffer> {
    switch (source.kind) {
      case 'url':
        return this.fetcher.fetch(source.url);
      case 'inline':
        if (source.bytes.length > this.maxBytes) {
          throw new ImageError('image.too_large', `${source.bytes.length} bytes, over the limit of ${this.maxBytes}`);
        }
        return source.bytes;
      case 'path':
        return this.readPath(source.path);
    }
  }

  private async readPath(path: string): Promise<Buffer> {
    if (this.pathBase === null) throw new ImageError('image.fetch_failed', 'file paths are only accepted by the CLI');
    const full = isAbsolute(path) ? path : resolve(this.pathBase, path);
    try {
      const info = await stat(full);
      if (info.size > this.maxBytes) {
        throw new ImageError('image.too_large', `${info.size} bytes, over the limit of ${this.maxBytes}`);
      }
      return await readFile(full);
    } catch (err) {
      if (err instanceof ImageError) throw err;
      throw new ImageError('image.fetch_failed', `cannot read ${path}: ${(err as Error).message}`);
    }
  }
}
