import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { binomialUpperTail, detectSdWatermarks, ImageAiAssessor, KNOWN_WATERMARKS, loadAiSignalsSettings, SharpPixelDecoder, thresholdsFor } from '@listinglens/ai-signals';
import { analyzedImage, readManifest } from './corpus-images';
import { evaluateDialects } from './dialect-eval';
import { CENTRE_MAX_DISTANCE, measureReuseRecall } from './reuse-recall';

/** Per dialect, found / expected on files the eval builds; false flags on built non-AI files. */
export async function printDialects(): Promise<void> {
  const { rows, falseFlags } = await evaluateDialects();
  console.log('\nmetadata dialects (files built by the eval; found / expected over JPEG, PNG eXIf, WebP, TIFF)');
  for (const r of rows) console.log(`  ${r.dialect.padEnd(44)} ${r.found}/${r.expected}`);
  const found = rows.reduce((a, r) => a + r.found, 0);
  const expected = rows.reduce((a, r) => a + r.expected, 0);
  console.log(`  total ${found}/${expected}; false flags on built non-AI files: ${falseFlags.length}${falseFlags.length ? `\n    ${falseFlags.join('\n    ')}` : ''}`);
}

const NON_AI_EDITS: Record<string, (i: sharp.Sharp) => sharp.Sharp> = {
  'jpeg q70': (i) => i.jpeg({ quality: 70 }),
  'resize 50%': (i) => i.resize({ width: 600, withoutEnlargement: true }).png(),
  'crop + text': (i) => i.resize(800, 800, { fit: 'cover' }).composite([{ input: Buffer.from('<svg width="800" height="800"><text x="40" y="760" font-size="60" fill="red">SALE</text></svg>') }]).png(),
  mirror: (i) => i.flop().png(),
};

/** Camera and non-AI edited corpus files, as-is and after ordinary edits: how many read likely_ai (must be 0). */
export async function printNonAiFalseFlags(corpus: string): Promise<void> {
  const dir = join(corpus, 'provenance');
  const rows = readManifest(dir).filter((r) => ['camera', 'edited'].includes(r.expectedLabel) && !/should be flagged/i.test(r.signal) && !r.file.startsWith('testvec_'));
  const assessor = new ImageAiAssessor({ settings: loadAiSignalsSettings(process.env) });
  let total = 0;
  const flagged: string[] = [];
  for (const row of rows) {
    const bytes = readFileSync(join(dir, row.file));
    const edits: [string, ((i: sharp.Sharp) => sharp.Sharp) | null][] = [['original', null], ...Object.entries(NON_AI_EDITS)];
    for (const [edit, apply] of edits) {
      const copy = apply ? await apply(sharp(bytes).autoOrient()).toBuffer() : bytes;
      const a = await assessor.assess(await analyzedImage(copy));
      total++;
      if (a.band === 'likely_ai') flagged.push(`${row.file} (${edit}): ${a.signals.map((s) => s.id).join(',')}`);
    }
  }
  console.log(`\nfalse flags on camera / non-AI edited corpus files and their edits (${Object.keys(NON_AI_EDITS).join(', ')}): ${flagged.length}/${total}${flagged.length ? `\n  ${flagged.join('\n  ')}` : ''}`);
}

/** Chance rate per payload (random bits) and measured matches on non-AI corpus images (products + camera). */
export async function printWatermarkRates(corpus: string): Promise<void> {
  console.log('\ninvisible watermark false-match rate: chance that random bits reach the threshold, Binomial(n, 1/2)');
  for (const wm of KNOWN_WATERMARKS) {
    const t = thresholdsFor(wm.bits.length);
    console.log(`  ${wm.id.padEnd(5)} ${wm.bits.length} bits: likely ≥${t.likely} ${binomialUpperTail(wm.bits.length, t.likely).toExponential(1)}, very likely ≥${t.veryLikely} ${binomialUpperTail(wm.bits.length, t.veryLikely).toExponential(1)}`);
  }
  const decoder = new SharpPixelDecoder();
  let images = 0;
  let matches = 0;
  for (const sub of ['products', 'provenance']) {
    for (const row of readManifest(join(corpus, sub))) {
      if (sub === 'provenance' && (row.expectedLabel === 'ai-generated' || row.file === 'testvec_wm_sdv1.png')) continue;
      const report = detectSdWatermarks(await decoder.decode(readFileSync(join(corpus, sub, row.file)), false));
      if (!report.decoded) continue;
      images++;
      if (report.matches.some((m) => m.verdict === 'likely' || m.verdict === 'very_likely')) matches++;
    }
  }
  console.log(`  measured on ${images} non-AI corpus images large enough to decode: ${matches} matched any payload`);
}

export async function printReuseRecall(corpus: string): Promise<void> {
  const r = await measureReuseRecall([join(corpus, 'products'), join(corpus, 'provenance')]);
  console.log(`\nreuse recall on edited copies of ${r.images} corpus photos (pHash ≤ 12; centre hash ≤ ${CENTRE_MAX_DISTANCE} over 7 zoom probes, as is, against the stored hash as is and mirrored)`);
  console.log('  edit                   pHash   centre  either');
  for (const e of r.perEdit) console.log(`  ${e.edit.padEnd(22)} ${pct(e.phash, r.images)}  ${pct(e.centre, r.images)}  ${pct(e.either, r.images)}`);
  console.log(`  false matches on distinct photos: pHash ${r.phashFalse}/${r.distinctPairs} pairs; centre hash ${r.centreFalse}/${r.distinctPairs * 2} ordered lookups (nearest distinct ${r.centreDistinctMin} bits)`);
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0).padStart(5)}%`;
