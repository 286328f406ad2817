import { LRUCache } from 'lru-cache';
import type { AiSignalResult, AiSignalSource, SignalInput } from '../signals/ai-signal';
import { modelSignal, type ModelCalibration } from './model-calibration';

/**
 * A commercial AI-image detector over HTTP, in Sightengine's documented shape
 * (https://sightengine.com/docs/ai-generated-image-detection): POST multipart `media`, `models=genai`,
 * `api_user`, `api_secret` to /1.0/check.json → `{status: "success", request: {id}, type: {ai_generated}}`.
 * Off unless configured: it sends every image to a third party and costs per call, so results are cached
 * by sha256 (the same photo across listings is paid for once; concurrent scans of it share one call).
 */
export interface RemoteDetectorOptions {
  endpoint: string;
  apiUser: string;
  apiSecret: string;
  timeoutMs: number;
  /** Extra attempts after a network error, a timeout, 429 or 5xx. */
  retries: number;
  calibration: ModelCalibration;
  cacheSize?: number;
  /** Backoff before attempt n (0-based); tests shorten it. */
  backoffMs?: (attempt: number) => number;
}

interface RemoteScore {
  score: number;
  requestId: string | null;
  attempts: number;
}

export class RemoteDetectorSource implements AiSignalSource {
  readonly id = 'model.remote';
  readonly version = 1;
  readonly kind = 'model';
  private readonly cache: LRUCache<string, Promise<RemoteScore>>;
  calls = 0;

  constructor(private readonly options: RemoteDetectorOptions) {
    this.cache = new LRUCache({ max: options.cacheSize ?? 10_000 });
  }

  async analyze(input: SignalInput): Promise<AiSignalResult> {
    const key = input.image.sha256;
    let pending = this.cache.get(key);
    const cached = pending !== undefined;
    if (!pending) {
      pending = this.call(input.image.bytes, input.image.format);
      this.cache.set(key, pending);
      // A failed call is not cached: the next scan of the image tries again.
      pending.catch(() => this.cache.delete(key));
    }
    const result = await pending;
    const evidence = { provider: 'sightengine', requestId: result.requestId, cached, attempts: result.attempts };
    return {
      signals: modelSignal('model.remote.sightengine', 'Sightengine genai', result.score, this.options.calibration, evidence),
      measurements: { remoteDetector: { score: result.score, ...evidence } },
    };
  }

  private async call(bytes: Buffer, format: string): Promise<RemoteScore> {
    const backoff = this.options.backoffMs ?? ((n: number) => 500 * 2 ** n);
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, backoff(attempt - 1)));
      try {
        this.calls++;
        const form = new FormData();
        form.set('media', new Blob([new Uint8Array(bytes)], { type: `image/${format}` }), `image.${format}`);
        form.set('models', 'genai');
        form.set('api_user', this.options.apiUser);
        form.set('api_secret', this.options.apiSecret);
        const res = await fetch(this.options.endpoint, { method: 'POST', body: form, signal: AbortSignal.timeout(this.options.timeoutMs) });
        const body: unknown = await res.json().catch(() => null);
        if (res.status === 429 || res.status >= 500) throw new Error(`remote detector answered ${res.status}`);
        return { ...parseSightengine(res.status, body), attempts: attempt + 1 };
      } catch (err) {
        lastError = err;
        if (err instanceof PermanentError) throw err;
      }
    }
    throw new Error(`remote detector failed after ${this.options.retries + 1} attempts: ${String(lastError)}`);
  }
}

/** A 4xx or a `failure` body (bad key, unsupported image): retrying will not help. */
class PermanentError extends Error {}

function parseSightengine(status: number, body: unknown): { score: number; requestId: string | null } {
  const json = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const type = json['type'] && typeof json['type'] === 'object' ? (json['type'] as Record<string, unknown>) : {};
  const score = type['ai_generated'];
  if (status >= 400 || json['status'] !== 'success' || typeof score !== 'number') {
    const error = json['error'] && typeof json['error'] === 'object' ? JSON.stringify(json['error']) : `HTTP ${status}`;
    throw new PermanentError(`remote detector refused the image: ${error}`);
  }
  const request = json['request'] && typeof json['request'] === 'object' ? (json['request'] as Record<string, unknown>) : {};
  return { score, requestId: typeof request['id'] === 'string' ? request['id'] : null };
}
