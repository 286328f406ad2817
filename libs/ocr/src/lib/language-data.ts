import { existsSync, mkdirSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LanguageDataSource, OcrLanguage } from './ocr-options';

export const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';

/** Where one language's traineddata file is, from the source the options ask for. */
export function locateTraineddata(lang: OcrLanguage, source: LanguageDataSource): string {
  const debian = join(DEBIAN_TESSDATA, `${lang}.traineddata`);
  if (source === 'debian') {
    if (existsSync(debian)) return debian;
    throw new Error(`${debian} is missing: apt-get install tesseract-ocr-${lang.replace('_', '-')}`);
  }
  const npm = npmTraineddata(lang);
  if (npm) return npm;
  if (source === 'auto' && existsSync(debian)) return debian;
  throw new Error(`no offline data for OCR language ${lang}: npm install @tesseract.js-data/${lang}`);
}

function npmTraineddata(lang: OcrLanguage): string | null {
  try {
    const pkgDir = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    // best_int: the LSTM-only integer model (the 4.0.0 folder adds the legacy engine we never run).
    const file = join(pkgDir, '4.0.0_best_int', `${lang}.traineddata.gz`);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * tesseract.js reads every language from one `langPath` folder, so we gather the chosen files there as
 * symlinks named `<lang>.traineddata`. tesseract.js gunzips by magic number, so .gz targets work with
 * `gzip: false`. Returns the folder; nothing is ever downloaded.
 */
export function assembleLanguageFolder(
  languages: readonly OcrLanguage[],
  source: LanguageDataSource,
  dir: string = join(tmpdir(), `listinglens-tessdata-${source}`),
): string {
  mkdirSync(dir, { recursive: true });
  for (const lang of languages) {
    const target = locateTraineddata(lang, source);
    const link = join(dir, `${lang}.traineddata`);
    if (currentLinkTarget(link) === target) continue;
    try {
      unlinkSync(link);
    } catch {
      // absent: nothing to replace
    }
    try {
      symlinkSync(target, link);
    } catch (err) {
      // Two processes assembling the same folder at once: the other one made the same link.
      if (currentLinkTarget(link) !== target) throw err;
    }
  }
  return dir;
}

function currentLinkTarget(link: string): string | null {
  try {
    return readlinkSync(link);
  } catch {
    return null;
  }
}
