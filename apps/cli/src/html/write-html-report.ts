import { writeFile } from 'node:fs/promises';
import type { CliListingBody, ImageSource } from '@listinglens/contracts';
import { ImageLoader, SafeHttpFetcher } from '@listinglens/pipeline';
import { describeFinding } from '@listinglens/policy';
import { DEFAULT_SCANNER_OPTIONS } from '@listinglens/scanner';
import type { ListingReport, ReportSummary } from '../report';
import { type HtmlListing, renderHtml } from './html-report';
import { makeThumbnail, type Thumbnail } from './thumbnail';

export interface HtmlInput {
  report: ListingReport;
  listing: CliListingBody | null;
  sources: ImageSource[];
}

/**
 * Writes the HTML report: each image loaded again the way the scan loaded it (same loader rules,
 * same byte cap) and shrunk to a thumbnail; an image the scan could not read gets no preview.
 */
export async function writeHtmlReport(file: string, inputs: HtmlInput[], summary: ReportSummary, loaderOptions: { allowHosts: ReadonlySet<string>; pathBase: string }): Promise<void> {
  const loader = new ImageLoader(
    new SafeHttpFetcher({ allowHosts: loaderOptions.allowHosts, timeoutMs: DEFAULT_SCANNER_OPTIONS.fetchTimeoutMs, maxBytes: DEFAULT_SCANNER_OPTIONS.maxImageBytes, maxRedirects: 3 }),
    DEFAULT_SCANNER_OPTIONS.maxImageBytes,
    loaderOptions.pathBase,
  );
  const listings: HtmlListing[] = [];
  for (const { report, listing, sources } of inputs) {
    const thumbnails: Array<Thumbnail | null> = [];
    for (const image of report.images) {
      const source = sources[image.position];
      thumbnails[image.position] = image.error || !source ? null : await loader.load(source).then(makeThumbnail).catch(() => null);
    }
    const disclosure = listing?.aiDisclosure ?? null;
    const descriptions = report.findings.map((f) => describeFinding(f, disclosure).en);
    listings.push({ ...report, title: listing?.title, thumbnails, descriptions });
  }
  await writeFile(file, renderHtml(listings, summary, new Date()));
}
