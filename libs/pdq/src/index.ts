export { PDQ_MAX_SIDE, pdqHash, pdqDihedral, type PdqResult, type PdqDihedralResult, type PdqPixels } from './lib/pdq-hash';
export { DIHEDRAL_VARIANT_NAMES, type DihedralVariant } from './lib/dihedral';
export { isPdqHex, pdqWords, pdqHexAt, pdqDistance, hammingWords, popcount32, pdqBands } from './lib/hash256';
export { MIH_MAX_DISTANCE, PdqMihIndex, PdqWordsBuilder, linearSearch, pdqBandAt, type MihHit } from './lib/mih-index';
export { parseHashList, splitCsvLine, csvField, commentLine, type HashListItem, type ListedHashLine, type RejectedLine } from './lib/hash-list-format';
export { IndexedHashList, matchLists, type HashListInfo, type ListedHashRecord, type HashListHit } from './lib/in-memory-hash-lists';
