import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OcrCache, OcrPoolUsage } from '@listinglens/ocr';
import type { OcrResult } from '@listinglens/pipeline';

/** Stages of a scan: load and detect (ScanOutcome.timings), detect split into OCR, text detectors and AI
 * signals (ScanOutcome.breakdown), and the write. */
export type ScanStage = 'load' | 'detect' | 'ocr' | 'text_detectors' | 'ai_signals' | 'persist';

/**
 * This worker process's Prometheus metrics (served by MetricsServer). Counters are per process:
 * Prometheus sums them across workers. Queue depth and scans by status are the api's (one truth).
 */
@Injectable()
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly scans = new Counter({ name: 'listinglens_worker_scans_total', help: 'Scan jobs by outcome (completed, skipped: already done, failed: out of attempts)', labelNames: ['outcome'], registers: [this.registry] });
  private readonly stages = new Histogram({
    name: 'listinglens_scan_stage_seconds',
    help: 'Time per scan stage: load (fetch, sniff, hash, header, decode of every image), detect (all detectors), within it ocr (reading text), text_detectors (their own time, OCR excluded) and ai_signals (provenance, watermark, forensic, models, reuse), persist (the one write transaction)',
    labelNames: ['stage'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  private readonly webhookAttempts = new Counter({ name: 'listinglens_webhook_attempts_total', help: 'Webhook delivery attempts by outcome (2xx, 4xx, 5xx, refused, error)', labelNames: ['outcome'], registers: [this.registry] });
  private readonly tdbAuth = new Counter({
    name: 'listinglens_tdb_auth_refused_total',
    help: 'Transparency Database answers of 401/403 (the token is not accepted): each pauses submission for TDB_AUTH_PAUSE_MS',
    labelNames: ['status'],
    registers: [this.registry],
  });
  private readonly ocrCache = new Counter({ name: 'listinglens_ocr_cache_lookups_total', help: 'OCR cache lookups by result (hit, miss)', labelNames: ['result'], registers: [this.registry] });
  /** The scanner's OCR pools, read at scrape (set once the scanner is built; none with OCR off). */
  private ocrPools: () => OcrPoolUsage[] = () => [];

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'listinglens_worker_' });
    // Read from the pools at scrape: busy share = rate(busy_seconds_total) / slots.
    const pools = () => this.ocrPools();
    new Counter({
      name: 'listinglens_ocr_pool_busy_seconds_total',
      help: 'Seconds OCR pool slots have held an image (or a line to re-read), summed over the pool\'s slots; busy share = rate() / listinglens_ocr_pool_slots',
      labelNames: ['pool'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const p of pools()) this.inc({ pool: p.pool }, p.busySeconds);
      },
    });
    new Gauge({
      name: 'listinglens_ocr_pool_slots',
      help: 'OCR pool size: processes (ppocr) or threads (tesseract) reading at once at most',
      labelNames: ['pool'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const p of pools()) this.set({ pool: p.pool }, p.slots);
      },
    });
    new Gauge({
      name: 'listinglens_ocr_pool_queued',
      help: 'OCR requests waiting for a free pool slot',
      labelNames: ['pool'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const p of pools()) this.set({ pool: p.pool }, p.queued);
      },
    });
  }

  /** Where the OCR pool metrics are read from at scrape (the scanner, built after this). */
  watchOcrPools(read: () => OcrPoolUsage[]): void {
    this.ocrPools = read;
  }

  scanFinished(outcome: 'completed' | 'skipped' | 'failed'): void {
    this.scans.inc({ outcome });
  }

  stage(stage: ScanStage, ms: number): void {
    this.stages.observe({ stage }, ms / 1000);
  }

  /** The detect stage split by what the time went to; detector ids are `text.*`, `ai.*`, `image.reused`. */
  detectBreakdown({ ocrMs, detectorMs }: { ocrMs: number; detectorMs: Record<string, number> }): void {
    const sum = (keep: (id: string) => boolean) => Object.entries(detectorMs).reduce((t, [id, ms]) => (keep(id) ? t + ms : t), 0);
    this.stage('ocr', ocrMs);
    // Text detectors wait for OCR inside their own time; what is theirs is the rest.
    this.stage('text_detectors', Math.max(0, sum((id) => id.startsWith('text.')) - ocrMs));
    this.stage('ai_signals', sum((id) => !id.startsWith('text.')));
  }

  webhookAttempt(result: { kind: string; status?: number }): void {
    this.webhookAttempts.inc({ outcome: result.kind === 'response' && result.status ? `${Math.floor(result.status / 100)}xx` : result.kind });
  }

  tdbAuthRefused(status: number): void {
    this.tdbAuth.inc({ status: String(status) });
  }

  /** Wraps the OCR cache so its hits and misses are counted (the reader itself is libs/ocr's). */
  countingOcrCache(inner: OcrCache): OcrCache {
    return {
      get: async (key: string): Promise<OcrResult | null> => {
        const hit = await inner.get(key);
        this.ocrCache.inc({ result: hit ? 'hit' : 'miss' });
        return hit;
      },
      set: (key: string, value: OcrResult) => inner.set(key, value),
    };
  }
}
