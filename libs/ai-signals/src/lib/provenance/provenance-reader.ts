import type { ImageMetadata } from '../containers/image-metadata';
import type { RawPixels } from '../pixels';
import { assessC2paStore } from './c2pa-assessment';
import type { C2paReader } from './c2pa-reader';
import { isAiCreditLine, knownGeneratorIn } from './generator-names';
import { claimFromText, type MetadataText } from './generator-text-signals';
import { readNovelAiStealth } from './novelai-stealth';
import type { AiProvenanceClaim, ProvenanceReport } from './provenance-types';
import { shorten } from './provenance-types';
import { assessXmp } from './xmp-signals';

const MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff' };

/**
 * Everything the file's metadata says about generative AI. Metadata is stripped by most re-encoding, so
 * an empty report proves nothing; a non-empty one is strong evidence (people rarely forge "made by AI").
 */
export async function readProvenance(
  bytes: Buffer,
  metadata: ImageMetadata,
  c2paReader: C2paReader,
  pixels: RawPixels | null,
): Promise<ProvenanceReport> {
  const report: ProvenanceReport = { claims: [], c2pa: null, c2paError: null };
  const nonAi = new Set<string>();

  if (metadata.hasC2pa && MIME[metadata.container]) {
    try {
      const store = await c2paReader.read(bytes, MIME[metadata.container]);
      if (store) {
        const c2pa = assessC2paStore(store);
        report.c2pa = c2pa.summary;
        report.claims.push(...c2pa.claims);
      } else {
        report.c2paError = 'C2PA marker present but no manifest store could be located';
      }
    } catch (err) {
      report.c2paError = err instanceof Error ? err.message : String(err);
    }
  }

  const xmp = assessXmp(metadata.xmp, `${metadata.container}.xmp`);
  report.claims.push(...xmp.claims);
  xmp.nonAiSourceTypes.forEach((code) => nonAi.add(code));

  for (const entry of metadataTexts(metadata)) {
    const claim = claimFromText(entry);
    if (claim) report.claims.push(claim);
  }
  report.claims.push(...exifToolClaims(metadata));

  if (pixels && metadata.container === 'png' && metadata.hasAlpha) {
    const stealth = readNovelAiStealth(pixels);
    if (stealth) {
      report.claims.push({
        source: 'stealth-alpha',
        kind: 'generated',
        path: `png.alpha-lsb[${stealth.magic}]`,
        value: shorten(stealth.text),
        generator: 'NovelAI',
      });
    }
  }
  if (report.c2pa) nonAi.forEach((code) => report.c2pa?.nonAiSourceTypes.push(code));
  report.claims = dedupe(report.claims);
  return report;
}

function metadataTexts(metadata: ImageMetadata): MetadataText[] {
  const texts: MetadataText[] = metadata.texts.map((t) => ({
    source: 'png-text',
    path: `png.${t.chunk}[${t.keyword}]`,
    key: t.keyword,
    text: t.text,
  }));
  const exif = metadata.exif;
  const exifPath = `${metadata.container}.exif`;
  if (exif?.userComment) texts.push({ source: 'exif', path: `${exifPath}/UserComment`, key: 'usercomment', text: exif.userComment });
  if (exif?.xpComment) texts.push({ source: 'exif', path: `${exifPath}/XPComment`, key: 'xpcomment', text: exif.xpComment });
  if (exif?.xpKeywords) texts.push({ source: 'exif', path: `${exifPath}/XPKeywords`, key: 'xpkeywords', text: exif.xpKeywords });
  if (exif?.imageDescription) {
    texts.push({ source: 'exif', path: `${exifPath}/ImageDescription`, key: 'description', text: exif.imageDescription });
  }
  metadata.comments.forEach((text, i) => texts.push({ source: 'jpeg-comment', path: `jpeg.COM[${i}]`, key: 'comment', text }));
  return texts;
}

/** EXIF Software naming a generator, and credit lines in the EXIF text fields. */
function exifToolClaims(metadata: ImageMetadata): AiProvenanceClaim[] {
  const exif = metadata.exif;
  if (!exif) return [];
  const claims: AiProvenanceClaim[] = [];
  const exifPath = `${metadata.container}.exif`;
  // Tool fields: Flux's reference code names itself in Make ("Black Forest Labs") as well as Software.
  for (const [field, value] of [
    ['Software', exif.software],
    ['Make', exif.make],
    ['Model', exif.model],
  ] as const) {
    const generator = value ? knownGeneratorIn(value) : null;
    if (value && generator) claims.push({ source: 'exif', kind: 'generated', path: `${exifPath}/${field}`, value: shorten(value), generator });
  }
  for (const [field, value] of [
    ['ImageDescription', exif.imageDescription],
    ['Artist', exif.artist],
    ['Copyright', exif.copyright],
  ] as const) {
    if (value && isAiCreditLine(value)) {
      const kind = /\bedited\b/i.test(value) ? 'edited' : 'generated';
      claims.push({ source: 'exif', kind, path: `${exifPath}/${field}`, value: shorten(value), generator: knownGeneratorIn(value) });
    }
  }
  return claims;
}

function dedupe(claims: AiProvenanceClaim[]): AiProvenanceClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.path}\u0000${c.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
