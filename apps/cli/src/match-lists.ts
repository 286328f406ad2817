import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { DEFAULT_HASH_LIST_THRESHOLD, type HashListMatcher } from '@listinglens/contracts';
import { IndexedHashList, type ListedHashRecord, matchLists, parseHashList } from '@listinglens/pdq';
import { InputError } from './read-listings';

const SHOWN_REJECTS = 10;

/**
 * The --match-list files as hash lists (ThreatExchange/HMA text or CSV, as the API imports them), each
 * named by its file name, at HMA's threshold (31 bits), matched in memory. Malformed lines are named on
 * stderr and skipped; the valid ones are kept.
 */
export async function loadMatchLists(paths: string[], warn: (line: string) => void): Promise<HashListMatcher> {
  const lists: IndexedHashList[] = [];
  for (const [i, path] of paths.entries()) {
    await access(path).catch(() => {
      throw new InputError(`--match-list ${path}: cannot read the file`);
    });
    let rejected = 0;
    async function* records(): AsyncGenerator<ListedHashRecord> {
      const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
      for await (const item of parseHashList(lines)) {
        if (item.ok) yield { hashId: String(item.line), pdq: item.pdq, externalId: item.externalId, note: item.note };
        else if (++rejected <= SHOWN_REJECTS) warn(`--match-list ${path}: line ${item.line}: ${item.reason}`);
      }
    }
    const info = { id: `file-${i + 1}`, name: basename(path), source: `file:${path}`, action: 'review', threshold: DEFAULT_HASH_LIST_THRESHOLD };
    lists.push(await IndexedHashList.build(info, records()));
    if (rejected > SHOWN_REJECTS) warn(`--match-list ${path}: ${rejected} malformed lines in all (skipped)`);
  }
  return { match: async (images) => images.map((variants) => matchLists(lists, variants)) };
}
