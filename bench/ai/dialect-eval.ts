import { readImageMetadata, readProvenance, type C2paReader } from '@listinglens/ai-signals';
import { CONTAINERS, imageWith, undefinedEntry } from '../../test/ai/support/container-builders';
import { DIALECTS, ENCODINGS, NON_AI, PAYLOADS, XMP } from '../../test/ai/support/dialect-cases';

const noC2pa: C2paReader = { read: async () => null };

export interface DialectRow {
  dialect: string;
  found: number;
  expected: number;
}

/**
 * Files the eval builds (the same cases as test/ai/metadata-dialects.test.ts), in JPEG, PNG eXIf, WebP and
 * TIFF: per dialect, in how many containers the generator is named; and claims on non-AI files (must be 0).
 */
export async function evaluateDialects(): Promise<{ rows: DialectRow[]; falseFlags: string[] }> {
  const rows: DialectRow[] = [];
  const claimsOf = async (container: (typeof CONTAINERS)[number], bytes: Buffer) =>
    (await readProvenance(bytes, readImageMetadata(bytes, container), noC2pa, null)).claims;
  for (const [payload, text, generator] of PAYLOADS) {
    for (const [encoding, encode] of Object.entries(ENCODINGS)) {
      if (encoding === 'JIS' && payload !== 'A1111') continue;
      const row = { dialect: `UserComment ${encoding}: ${payload}`, found: 0, expected: CONTAINERS.length };
      for (const c of CONTAINERS) {
        const claims = await claimsOf(c, await imageWith(c, [], [undefinedEntry(0x9286, encode(text))]));
        if (claims.some((claim) => generator.test(claim.generator ?? ''))) row.found++;
      }
      rows.push(row);
    }
  }
  for (const [dialect, ifd0, xmpAttrs, generator, paths] of DIALECTS) {
    const row = { dialect, found: 0, expected: CONTAINERS.length };
    for (const c of CONTAINERS) {
      const claims = await claimsOf(c, await imageWith(c, ifd0, [], xmpAttrs ? XMP(xmpAttrs) : null));
      const named = generator === null || claims.some((claim) => claim.generator?.startsWith(generator));
      if (named && paths.every((p) => claims.some((claim) => claim.path === `${c}.${p}`))) row.found++;
    }
    rows.push(row);
  }
  const falseFlags: string[] = [];
  for (const [name, ifd0, xmpAttrs] of NON_AI) {
    for (const c of CONTAINERS) {
      const claims = await claimsOf(c, await imageWith(c, ifd0, [], xmpAttrs ? XMP(xmpAttrs) : null));
      if (claims.length > 0) falseFlags.push(`${c}: ${name} → ${claims.map((x) => x.path).join(', ')}`);
    }
  }
  return { rows, falseFlags };
}
