import { basename, dirname } from 'node:path';
import { createScanner, DEFAULT_SCANNER_OPTIONS } from '@listinglens/scanner';

/**
 * The CLI's path through the product: every image scanned as a one-image listing with OCR, every text
 * detector and the AI signals (no PostgreSQL: no reuse lookup), two listings at a time as a worker with
 * WORKER_CONCURRENCY=2 does. Returns images/s over the first scan (nothing cached).
 */
export async function runEndToEnd(paths: readonly string[], poolSize: number): Promise<{ imagesPerSecond: number; findings: number; errors: number }> {
  const scanner = await createScanner({ ...DEFAULT_SCANNER_OPTIONS, pathBase: dirname(paths[0]) }, { ocr: { poolSize } });
  let findings = 0;
  let errors = 0;
  const queue = paths.map((p, i) => ({ p, i }));
  const started = performance.now();
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const outcome = await scanner.pipeline.scan(
        { marketplace: 'bench', externalId: String(next.i), sellerId: 's', title: basename(next.p), price: { amount: '9.99', currency: 'EUR' } },
        [{ kind: 'path', path: basename(next.p) }],
      );
      findings += outcome.findings.length;
      errors += outcome.images.filter((r) => r.error).length;
    }
  };
  try {
    await Promise.all([lane(), lane()]);
  } finally {
    await scanner.close();
  }
  return { imagesPerSecond: paths.length / ((performance.now() - started) / 1000), findings, errors };
}
