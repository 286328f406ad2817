import type { Box, FindingView } from '@listinglens/contracts';
import type { ListingReport, ReportSummary } from '../report';
import { esc } from './escape';
import { REPORT_CSS } from './report-style';
import type { Thumbnail } from './thumbnail';

export interface HtmlListing extends ListingReport {
  title?: string;
  thumbnails: Array<Thumbnail | null>;
  /** Each finding in plain English, in the same order as `findings`. */
  descriptions: string[];
}

/** No script, no request: images are data URIs and nothing else may load (a hostile title cannot). */
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * One self-contained HTML page: the summary, then each listing with its images, the finding boxes
 * drawn over them (an SVG in the image's own pixel space, so the viewBox scales the boxes exactly as
 * the thumbnail is scaled) and each finding's evidence in words.
 */
export function renderHtml(listings: HtmlListing[], summary: ReportSummary, generatedAt: Date): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ListingLens scan report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>ListingLens scan report</h1><p class="meta">Generated ${esc(generatedAt.toISOString())}</p></header>
${renderSummary(summary)}
<main>
${listings.map(renderListing).join('\n')}
</main>
</body>
</html>
`;
}

function renderSummary(s: ReportSummary): string {
  const codes = Object.entries(s.byCode).sort(([a], [b]) => a.localeCompare(b));
  const severities = Object.entries(s.bySeverity);
  return `<section class="summary" aria-label="Summary">
<h2>Summary</h2>
<p>${s.listings} listings (${s.invalidListings} invalid), ${s.images} images (${s.imageErrors} with errors), ${s.findings} findings.</p>
<div class="tables">
<table><caption>Findings by code</caption><tbody>${codes.map(([c, n]) => `<tr><th scope="row"><code>${esc(c)}</code></th><td>${n}</td></tr>`).join('') || '<tr><td>none</td></tr>'}</tbody></table>
<table><caption>Findings by severity</caption><tbody>${severities.map(([sev, n]) => `<tr><th scope="row"><span class="sev sev-${esc(sev)}">${esc(sev)}</span></th><td>${n}</td></tr>`).join('') || '<tr><td>none</td></tr>'}</tbody></table>
</div>
</section>`;
}

function renderListing(l: HtmlListing, index: number): string {
  const head = `<h2>${esc(l.title ?? l.externalId)}</h2>
<p class="meta"><code>${esc(l.externalId)}</code>${l.marketplace ? ` · ${esc(l.marketplace)}` : ''} · line ${l.line}</p>`;
  if (l.error) return `<article class="listing" id="listing-${index}">${head}<p class="error">Invalid input: ${esc(l.error)}</p></article>`;
  const images = l.images
    .map((image) => {
      const thumb = l.thumbnails[image.position] ?? null;
      const findings = l.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.imagePosition === image.position);
      const caption = image.error
        ? `<span class="error">${esc(image.error.code)}: ${esc(image.error.message)}</span>`
        : `${esc(image.format ?? '')} ${image.width ?? '?'}×${image.height ?? '?'}`;
      return `<figure class="image" data-position="${image.position}">
${thumb ? renderThumb(thumb, findings, index) : '<div class="noimage">no preview</div>'}
<figcaption>Image ${image.position + 1}: ${caption}</figcaption>
${image.pdq ? `<details class="hashes"><summary>Hashes</summary><dl><dt>PDQ</dt><dd><code class="pdq">${esc(image.pdq)}</code> (quality ${image.pdqQuality ?? '?'})</dd><dt>SHA-256</dt><dd><code>${esc(image.sha256 ?? '')}</code></dd></dl></details>` : ''}
</figure>`;
    })
    .join('\n');
  const findings = l.findings.length
    ? `<ol class="findings">${l.findings.map((f, i) => renderFinding(f, l.descriptions[i] ?? '', `f-${index}-${i}`)).join('\n')}</ol>`
    : '<p class="clean">No findings.</p>';
  return `<article class="listing" id="listing-${index}">${head}<div class="images">${images}</div>${findings}</article>`;
}

function renderThumb(thumb: Thumbnail, findings: Array<{ f: FindingView; i: number }>, listing: number): string {
  const rects = findings
    .map(({ f, i }) => ({ f, i, box: boxOf(f) }))
    .filter((r): r is { f: FindingView; i: number; box: Box } => r.box !== null)
    .map(
      ({ f, i, box }) =>
        `<rect class="box sev-${esc(f.severity)}" data-finding="f-${listing}-${i}" data-code="${esc(f.code)}" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}"><title>${esc(f.code)}</title></rect>`,
    )
    .join('');
  return `<div class="frame" style="width:${thumb.width}px;height:${thumb.height}px">
<img src="${thumb.dataUri}" width="${thumb.width}" height="${thumb.height}" alt="">
<svg class="boxes" viewBox="0 0 ${thumb.sourceWidth} ${thumb.sourceHeight}" width="${thumb.width}" height="${thumb.height}" preserveAspectRatio="none" aria-hidden="true">${rects}</svg>
</div>`;
}

function renderFinding(f: FindingView, description: string, id: string): string {
  const e = f.evidence;
  // The text as read, unless the sentence already quotes it whole (contacts stay masked).
  const text = f.code !== 'contact.off_platform' && 'text' in e && typeof e.text === 'string' ? e.text : '';
  const read = text && !description.includes(text) ? `<p class="read">Text as read: <q lang="und">${esc(text)}</q></p>` : '';
  const summary = 'summary' in e && typeof e.summary === 'string' ? `<p class="detail">${esc(e.summary)}</p>` : '';
  const kind = f.code === 'contact.off_platform' ? `<p class="detail">Kind of contact: ${esc(f.evidence.kind)} (value masked here; the JSON report has it in full)</p>` : '';
  const price = f.code === 'price.mismatch' ? `<p class="detail">Listing price: ${esc(f.evidence.listing.amount)} ${esc(f.evidence.listing.currency)}</p>` : '';
  return `<li class="finding" id="${id}" data-code="${esc(f.code)}">
<p><span class="sev sev-${esc(f.severity)}">${esc(f.severity)}</span> <code>${esc(f.code)}</code> · ${f.imagePosition === null ? 'listing' : `image ${f.imagePosition + 1}`} · confidence ${f.confidence.toFixed(2)}</p>
<p class="words">${esc(description)}</p>${read}${kind}${price}${summary}
</li>`;
}

function boxOf(f: FindingView): Box | null {
  // Checked, not trusted: the report renders whatever JSON it is given.
  const b = ('box' in f.evidence ? f.evidence.box : undefined) as Partial<Box> | undefined;
  return b && [b.x, b.y, b.width, b.height].every((n) => typeof n === 'number' && Number.isFinite(n)) ? (b as Box) : null;
}
