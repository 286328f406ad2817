import type { ListedHashMatch } from '@listinglens/contracts';
import { pdqHexAt, pdqWords } from './hash256';
import { PdqMihIndex, PdqWordsBuilder } from './mih-index';

export interface HashListInfo {
  id: string;
  name: string;
  source: string;
  action: string;
  threshold: number;
}

export interface ListedHashRecord {
  /** A whole number (the database's bigint id, a file's line number). */
  hashId: string;
  pdq: string;
  externalId: string | null;
  note: string | null;
}

/** One listed hash an image matched: the image.listed_match evidence's fields. */
export type HashListHit = ListedHashMatch;

/** One list's hashes in a multi-index, with what a match reports about each. */
export class IndexedHashList {
  private constructor(
    readonly info: HashListInfo,
    private readonly index: PdqMihIndex,
    private readonly words: Uint32Array,
    private readonly hashIds: Float64Array,
    /** Ids and notes by position, only for the hashes that have one (most have neither). */
    private readonly labels: Map<number, { externalId: string | null; note: string | null }>,
  ) {}

  /** Builds the index from records as they arrive (a file or the database, page by page). */
  static async build(info: HashListInfo, records: AsyncIterable<ListedHashRecord> | Iterable<ListedHashRecord>): Promise<IndexedHashList> {
    // Packed (8 words and one id per hash, ~40 bytes) rather than one object per hash (~150 bytes).
    const words = new PdqWordsBuilder();
    let ids = new Float64Array(1024);
    const labels = new Map<number, { externalId: string | null; note: string | null }>();
    for await (const record of records) {
      const i = words.push(pdqWords(record.pdq));
      if (i === ids.length) {
        const bigger = new Float64Array(ids.length * 2);
        bigger.set(ids);
        ids = bigger;
      }
      ids[i] = Number(record.hashId);
      if (record.externalId !== null || record.note !== null) labels.set(i, { externalId: record.externalId, note: record.note });
    }
    const all = words.words();
    return new IndexedHashList(info, new PdqMihIndex(all), all, ids.slice(0, all.length / 8), labels);
  }

  get size(): number {
    return this.hashIds.length;
  }

  /** Each listed hash within the list's threshold of any variant, at its closest variant. */
  match(variants: Readonly<Record<string, string>>): HashListHit[] {
    const best = new Map<number, { distance: number; variant: string }>();
    for (const [variant, hex] of Object.entries(variants)) {
      for (const hit of this.index.search(pdqWords(hex), this.info.threshold)) {
        const seen = best.get(hit.index);
        if (!seen || hit.distance < seen.distance) best.set(hit.index, { distance: hit.distance, variant });
      }
    }
    return [...best].map(([i, { distance, variant }]) => {
      const label = this.labels.get(i);
      const { id: listId, name: list, source, action, threshold } = this.info;
      return { list, listId, source, action, threshold, hashId: String(this.hashIds[i]), externalId: label?.externalId ?? null, note: label?.note ?? null, pdq: pdqHexAt(this.words, i), distance, variant };
    });
  }
}

/** Matches against several indexed lists, nearest first. */
export function matchLists(lists: Iterable<IndexedHashList>, variants: Readonly<Record<string, string>>): HashListHit[] {
  const hits: HashListHit[] = [];
  for (const list of lists) hits.push(...list.match(variants));
  return hits.sort((a, b) => a.distance - b.distance || a.list.localeCompare(b.list));
}
