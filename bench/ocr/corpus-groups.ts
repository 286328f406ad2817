import type { CorpusImage } from './ocr-corpus';

/** The corpus groups the targets name, by source (file prefix) and language. */
export const GROUPS = ['receipts', 'brochure pages', 'Chinese scene', 'Korean', 'other'] as const;
export type Group = (typeof GROUPS)[number];

export function groupOf(image: CorpusImage): Group {
  if (/^(sroie|wildreceipt|scribe_receipt)/.test(image.file)) return 'receipts';
  if (image.file.startsWith('deals_')) return 'brochure pages';
  if (image.file.startsWith('kr_')) return 'Korean';
  if (image.languages.startsWith('zh')) return 'Chinese scene';
  return 'other';
}
