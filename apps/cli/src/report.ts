import { type FindingView, type ImageView, SEVERITIES, type Severity } from '@listinglens/contracts';

export interface ListingReport {
  externalId: string;
  marketplace?: string;
  /** Set when the input record itself was invalid; nothing was scanned. */
  error?: string;
  line: number;
  images: ImageView[];
  findings: FindingView[];
}

export interface ReportSummary {
  listings: number;
  invalidListings: number;
  images: number;
  imageErrors: number;
  findings: number;
  byCode: Record<string, number>;
  bySeverity: Partial<Record<Severity, number>>;
  elapsedMs: number;
}

export function summarize(listings: ListingReport[], elapsedMs: number): ReportSummary {
  const byCode: Record<string, number> = {};
  const bySeverity: ReportSummary['bySeverity'] = {};
  for (const f of listings.flatMap((l) => l.findings)) {
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  }
  return {
    listings: listings.length,
    invalidListings: listings.filter((l) => l.error).length,
    images: listings.reduce((n, l) => n + l.images.length, 0),
    imageErrors: listings.reduce((n, l) => n + l.images.filter((i) => i.error).length, 0),
    findings: listings.reduce((n, l) => n + l.findings.length, 0),
    byCode,
    bySeverity,
    elapsedMs: Math.round(elapsedMs),
  };
}

export function renderJson(listings: ListingReport[], summary: ReportSummary): string {
  return `${JSON.stringify({ listings, summary }, null, 2)}\n`;
}

/** A terminal report: one block per listing, images then findings with their evidence in brief. */
export function renderTable(listings: ListingReport[], summary: ReportSummary): string {
  const lines: string[] = [];
  for (const listing of listings) {
    lines.push(`■ ${listing.externalId}${listing.marketplace ? ` (${listing.marketplace})` : ''}  [line ${listing.line}]`);
    if (listing.error) {
      lines.push(`  ✗ invalid input: ${listing.error}`, '');
      continue;
    }
    for (const image of listing.images) {
      const what = image.error
        ? `✗ ${image.error.code}: ${image.error.message}`
        : `${image.format} ${image.width}×${image.height} sha256 ${image.sha256?.slice(0, 12)}…`;
      lines.push(`  image ${image.position}: ${what}`);
      if (image.text) lines.push(`    text: ${image.text.replace(/\s+/g, ' ').slice(0, 200)}`);
    }
    if (listing.findings.length === 0) lines.push('  no findings');
    for (const f of listing.findings) {
      const where = f.imagePosition === null ? 'listing' : `image ${f.imagePosition}`;
      lines.push(`  ⚑ ${f.severity.padEnd(8)} ${f.code.padEnd(22)} ${where.padEnd(8)} conf ${f.confidence.toFixed(2)}  ${brief(f)}`);
    }
    lines.push('');
  }
  const codes = Object.entries(summary.byCode).map(([code, n]) => `${code} ×${n}`).join(', ') || 'none';
  lines.push(
    `${summary.listings} listings (${summary.invalidListings} invalid), ${summary.images} images (${summary.imageErrors} with errors), ` +
      `${summary.findings} findings: ${codes} — ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  );
  return `${lines.join('\n')}\n`;
}

function brief(f: FindingView): string {
  const e = f.evidence;
  // A model's ai.forensic evidence is open-ended (its keys are unknown), hence the typeof checks.
  const text = 'text' in e && typeof e.text === 'string' ? e.text : 'summary' in e && typeof e.summary === 'string' ? e.summary : '';
  return (text || JSON.stringify(e)).replace(/\s+/g, ' ').slice(0, 90);
}

/** Findings at or above `failOn` (SEVERITIES is ordered, lowest first). */
export function findingsAtOrAbove(summary: ReportSummary, failOn: Severity): number {
  return SEVERITIES.slice(SEVERITIES.indexOf(failOn)).reduce((n, s) => n + (summary.bySeverity[s] ?? 0), 0);
}

/** The one line on stderr that says what happened and why the exit code is what it is. */
export function summaryLine(summary: ReportSummary, exit: { code: number; why: string }): string {
  const severities = [...SEVERITIES].reverse().filter((s) => summary.bySeverity[s]).map((s) => `${summary.bySeverity[s]} ${s}`);
  return (
    `scanned ${summary.listings} listings (${summary.invalidListings} invalid), ${summary.images} images ` +
    `(${summary.imageErrors} with errors), ${summary.findings} findings${severities.length ? ` (${severities.join(', ')})` : ''}` +
    ` — exit ${exit.code}: ${exit.why}`
  );
}
