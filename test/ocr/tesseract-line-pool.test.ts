/**
 * The re-readers' tesseract settings: a line crop with nothing tesseract can read (a flat stretch of
 * ground) made it print its empty histogram, and every crop a resolution warning, onto the process's
 * output: six histograms and hundreds of warnings in one evaluation run, in a worker's logs the same.
 * Tesseract runs in a child process here, so what it prints can be read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleLanguageFolder, TESSERACT_LINE_PARAMETERS, writeOfflineWorkerScript } from '@listinglens/ocr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOverlay } from './support/render-overlay';

let crops: { flat: string; line: string };
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'll-line-pool-'));
  // Through raw pixels, as the re-readers' crops are made (sharp writes them as 25 dpi).
  const fromRaw = async (png: Buffer, name: string) => {
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const file = join(dir, `${name}.png`);
    writeFileSync(file, await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).png().toBuffer());
    return file;
  };
  crops = {
    flat: await fromRaw(await renderOverlay({ width: 300, height: 64, background: '#c8c8c8', texts: [] }), 'flat'),
    line: await fromRaw(await renderOverlay({ width: 420, height: 64, texts: [{ text: 'SAVE 20 TODAY', x: 10, y: 8, size: 40 }] }), 'line'),
  };
});

/** tesseract.js in a child process reads the flat crop, then the line, with these parameters. */
function readInChild(parameters: Readonly<Record<string, string>>): { printed: string; words: string } {
  const langPath = assembleLanguageFolder(['eng'], 'npm');
  const script = `
    const { createWorker } = require('tesseract.js');
    (async () => {
      const [langPath, workerPath, parameters, flat, line] = process.argv.slice(1);
      const worker = await createWorker(['eng'], 1, { langPath, workerPath, gzip: false, cacheMethod: 'none' });
      await worker.setParameters(JSON.parse(parameters));
      await worker.recognize(flat, {}, { text: false, blocks: true });
      const page = (await worker.recognize(line, {}, { text: false, blocks: true })).data;
      const words = page.blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text))));
      await worker.terminate();
      process.stderr.write('WORDS:' + words.join(' ') + '\\n');
    })();`;
  const child = spawnSync(process.execPath, ['-e', script, langPath, writeOfflineWorkerScript(langPath), JSON.stringify(parameters), crops.flat, crops.line], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.status !== 0) throw new Error(`tesseract child failed: ${child.stderr}`);
  const printed = `${child.stdout}${child.stderr}`;
  return { printed: printed.replace(/^WORDS:.*\n/m, ''), words: /^WORDS:(.*)$/m.exec(printed)?.[1] ?? '' };
}

describe("the re-readers' tesseract settings", () => {
  it('read the line and print nothing, not for a crop without glyphs either', () => {
    const { printed, words } = readInChild(TESSERACT_LINE_PARAMETERS);
    expect(words).toBe('SAVE 20 TODAY');
    expect(printed).toBe('');
  });

  it('are what silences it: with only the line mode, tesseract prints both', () => {
    const { printed, words } = readInChild({ tessedit_pageseg_mode: TESSERACT_LINE_PARAMETERS.tessedit_pageseg_mode });
    expect(words).toBe('SAVE 20 TODAY');
    expect(printed).toMatch(/Total count=0/);
    expect(printed).toMatch(/Invalid resolution 25 dpi/);
  });
});
