/** What both the worker and the CLI configure about a scan (each app maps its own env/flags here). */
export interface ScannerOptions {
  /** Hosts that may be fetched even though they resolve to private addresses. */
  allowHosts: ReadonlySet<string>;
  fetchTimeoutMs: number;
  maxImageBytes: number;
  maxImagePixels: number;
  /** Base folder for `{path}` images (CLI only); null refuses paths. */
  pathBase: string | null;
  /** Images loaded at once per scan. */
  imageConcurrency: number;
  /** Decoded pixels kept at once for the detectors, in bytes (one 7000×7000 RGB photo is 147 MB). */
  rasterBudgetBytes: number;
  /** Time budgets in ms (default DEFAULT_SCAN_BUDGETS): each heavy step on one image, and a whole scan. */
  budgets?: { stepMs: number; scanMs: number };
}

export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = {
  allowHosts: new Set(),
  fetchTimeoutMs: 10_000,
  maxImageBytes: 20 * 1024 * 1024,
  // 750×12000 listing pages are 9 Mpx; 50 Mpx leaves room for large photos and refuses bombs.
  maxImagePixels: 50_000_000,
  pathBase: null,
  imageConcurrency: 4,
  rasterBudgetBytes: 192 * 1024 * 1024,
};
