import { aiSignalsSettings, REMOTE_DETECTOR_CREDENTIALS, remoteDetectorHasCredentials } from '@listinglens/ai-signals';
import { OCR_ENGINES, OCR_LANGUAGES } from '@listinglens/ocr';
import { parseSettings } from '@listinglens/contracts';
import { z } from 'zod';
import { withWebhookSecretBox } from '@listinglens/data-access';
import { TDB_BOTH_OR_NEITHER, TDB_URL_SAFE, transparencyDbBothOrNeither, transparencyDbSettings, transparencyDbUrlIsSafe } from './transparency-db/transparency-db-config';
import { webhooksSettings } from './webhooks/webhooks-config';

const coreSettings = z.object({
  NODE_ENV: z.string().default('production'),
  /** "id:base64key,..." opening webhook secrets sealed at rest (the api's setting; see .env.example). */
  WEBHOOK_SECRET_KEYS: z.string().optional(),
  WEBHOOK_SECRET_ACTIVE_KEY: z.string().optional(),
  DATABASE_URL: z.string().url(),
  // Scans, up to WEBHOOK_CONCURRENCY deliveries and the outbox dispatcher share the pool.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(12),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('listinglens'),
  /** Scans run at once per worker process (image work is off the event loop; OCR is pooled). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  /** After SIGTERM, the process exits by then even if closing hangs (its jobs are taken over after their lock). */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1000).default(20_000),
  /** A job whose worker stops renewing its lock for this long is handed to another worker. */
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  IMAGE_FETCH_ALLOW_HOSTS: z.string().default(''),
  IMAGE_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  IMAGE_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  IMAGE_MAX_PIXELS: z.coerce.number().int().positive().default(50_000_000),
  /** Time budgets: one heavy step on one image (a QR pass, a pixel statistic), and a whole scan. */
  SCAN_STEP_BUDGET_MS: z.coerce.number().int().min(100).default(60_000),
  SCAN_BUDGET_MS: z.coerce.number().int().min(1000).default(300_000),
  /** Decoded pixels the detectors share, kept at once per worker process (MiB). */
  RASTER_BUDGET_MB: z.coerce.number().int().min(16).default(192),
  /** Scans still unfinished after this long are re-enqueued (a lost enqueue, a flushed Redis). */
  RECONCILE_AFTER_MS: z.coerce.number().int().min(1000).default(120_000),
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Evidence (the scanned bytes of flagged images) is removed this long after a scan last kept it, unless an
   * open review item, an undecided appeal or an undelivered statement of reasons refers to it. */
  EVIDENCE_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  /** How often the `evidence.expire` maintenance job runs (one worker, however many run). */
  EVIDENCE_RETENTION_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** OCR worker threads (default: the machine's cores) and languages (eng, chi_sim, chi_tra, jpn, kor). */
  OCR_POOL_SIZE: z.coerce.number().int().min(1).optional(),
  OCR_LANGUAGES: z
    .string()
    .default('eng,chi_sim')
    .transform((s) => s.split(',').map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(z.enum(OCR_LANGUAGES)).min(1)),
  OCR_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** ppocr (default: PaddleOCR PP-OCRv4 on onnxruntime, for text over photos) or tesseract (tesseract.js).
   * With ppocr, kor/jpn lines are re-read by tesseract.js (README "OCR engines"). */
  OCR_ENGINE: z.enum(OCR_ENGINES).default('ppocr'),
  /** tesseract engine only: accurate (default) or fast: Debian's tessdata_fast with PSM 3, ~2× the throughput, misreads more
   * small overlay text (README "Figures"; needs apt tesseract-ocr-eng / -chi-sim ...). */
  OCR_PROFILE: z.enum(['accurate', 'fast']).default('accurate'),
  /** OCR off: no text detectors run (AI-image and reuse checks still do). */
  OCR_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Written every 10 s while the scan worker runs (a container healthcheck reads it); empty: off. */
  WORKER_HEARTBEAT_FILE: z.string().default(''),
  /** Prometheus `GET /metrics` of this process; 0 (default) is off, so several workers on one host need no ports. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Unauthenticated: keep it on a private interface (compose: 0.0.0.0 inside its network). */
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Every setting the worker reads, in one schema (see .env.example and README "Configuration"). */
export const workerConfigSchema = z
  .object({ ...coreSettings.shape, ...webhooksSettings.shape, ...transparencyDbSettings.shape, ...aiSignalsSettings.shape })
  .refine(transparencyDbBothOrNeither, TDB_BOTH_OR_NEITHER)
  .refine(transparencyDbUrlIsSafe, TDB_URL_SAFE)
  .refine(remoteDetectorHasCredentials, REMOTE_DETECTOR_CREDENTIALS)
  .transform(withWebhookSecretBox);
export type WorkerConfig = z.output<typeof workerConfigSchema>;

/** Called once, by main.ts, before any module exists; the modules are given the result (WorkerModule.forRoot). */
export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseSettings(workerConfigSchema, env, 'worker configuration');
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const SCANNER = Symbol('SCANNER');
