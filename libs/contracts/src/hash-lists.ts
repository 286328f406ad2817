/** One listed hash a scanned image matched (image.listed_match evidence has these fields). */
export interface ListedHashMatch {
  list: string;
  listId: string;
  source: string;
  action: string;
  threshold: number;
  hashId: string;
  externalId: string | null;
  note: string | null;
  pdq: string;
  distance: number;
  /** Which rotation or flip of the probe matched (PDQ's dihedral names). */
  variant: string;
}

/**
 * Matches images' PDQ variants against every enabled hash list, each at its own threshold, nearest
 * first, one match per listed hash (its closest variant). The service's keeps an in-memory index of each
 * enabled list loaded from PostgreSQL (libs/data-access); the CLI's reads --match-list files.
 */
export interface HashListMatcher {
  /** One scan's images at once (one set of lists for the whole scan): the matches of each, in order. */
  match(images: ReadonlyArray<Readonly<Record<string, string>>>): Promise<ListedHashMatch[][]>;
}

/** HMA's PDQ match threshold, and the most multi-index hashing over 16 bands of 16 bits finds exactly. */
export const DEFAULT_HASH_LIST_THRESHOLD = 31;
