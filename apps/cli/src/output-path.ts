import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from './read-listings';

/** Checked before scanning: a scan can take minutes, and a typo in --out should not cost them. */
export async function checkOutputPath(out: string, flag = '--out'): Promise<void> {
  const file = resolve(out);
  const folder = dirname(file);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) throw new InputError(`${flag} ${out}: the folder ${folder} does not exist`);
  const fileStat = await stat(file).catch(() => null);
  if (fileStat?.isDirectory()) throw new InputError(`${flag} ${out}: is a folder, give a file name`);
  try {
    await access(fileStat ? file : folder, constants.W_OK);
  } catch {
    throw new InputError(`${flag} ${out}: not writable`);
  }
}
