import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The compiled JavaScript of a child-process or worker-thread entry. From dist/ it sits beside the
 * caller; when the caller runs from its TypeScript source (vitest), the entry runs from the build in
 * dist/ (the test setup keeps it current), because threads and processes cannot load .ts files.
 *
 * @param here the caller's `__dirname` (undefined under ESM)
 * @param sourceDir the caller's folder relative to the repository root, e.g. "libs/ocr/src/lib/paddle"
 * @param file the entry's compiled file name, e.g. "ppocr-process.js"
 */
export function compiledEntry(here: string | undefined, sourceDir: string, file: string): string {
  const dir = typeof here === 'string' ? here : join(process.cwd(), sourceDir);
  const beside = join(dir, file);
  if (existsSync(beside)) return beside;
  let root = dir;
  while (dirname(root) !== root && !existsSync(join(root, 'nx.json'))) root = dirname(root);
  return join(root, 'dist', sourceDir, file);
}
