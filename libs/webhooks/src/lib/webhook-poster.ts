import { type Dispatcher, request as undiciRequest } from 'undici';
// Sub-paths, not @listinglens/pipeline: the api imports this lib and must not load the image pipeline (sharp).
import { createGuardedDispatcher } from '@listinglens/pipeline/guarded-dispatcher';
import { findAddressRefusal, type Resolver } from '@listinglens/pipeline/ssrf-guard';
import { parseRetryAfter } from './retry-after';
import { RESPONSE_READ_LIMIT_BYTES, responseExcerpt } from './response-excerpt';

export const WEBHOOK_TIMEOUT_MS = 15_000;

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What one attempt came to. `refused` can never succeed without a configuration change; `failed` may. */
export type WebhookAttemptResult =
  | { kind: 'response'; status: number; latencyMs: number; retryAfterMs: number | null; excerpt: string | null }
  | { kind: 'refused'; latencyMs: number; error: string }
  | { kind: 'failed'; latencyMs: number; error: string };

/** Sends one webhook request; the wrapper the delivery use case depends on (tests replace it). */
export interface WebhookPoster {
  post(request: WebhookRequest): Promise<WebhookAttemptResult>;
}

export interface WebhookPosterOptions {
  /** Hosts (names or IP literals) that may resolve to private addresses (WEBHOOK_ALLOW_HOSTS). */
  allowHosts: ReadonlySet<string>;
  timeoutMs?: number;
  userAgent?: string;
  /** Name resolution for the address check; the system resolver unless a test replaces it. */
  resolve?: Resolver;
}

/**
 * POSTs webhooks without letting a registered URL reach private networks, over the client image fetching
 * uses (the guarded dispatcher: the address is checked in the socket's own DNS lookup, so the address
 * checked is the address connected to). Redirects are not followed (a 3xx is a failed attempt). Never throws.
 */
export class SafeWebhookPoster implements WebhookPoster {
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly dispatcher: Dispatcher;

  constructor(options: WebhookPosterOptions) {
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? 'ListingLens-Webhooks/0.1';
    this.dispatcher = createGuardedDispatcher({ allowHosts: options.allowHosts, connectTimeoutMs: this.timeoutMs, resolve: options.resolve });
  }

  async post(request: WebhookRequest): Promise<WebhookAttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return { kind: 'refused', latencyMs: 0, error: `not a valid URL: ${request.url}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { kind: 'refused', latencyMs: 0, error: `scheme ${url.protocol} is not allowed (http and https only)` };
    }
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      const response = await this.send(url, request, deadline.signal);
      return { kind: 'response', latencyMs: elapsed(), ...response };
    } catch (err) {
      const refusal = findAddressRefusal(err);
      if (refusal) return { kind: 'refused', latencyMs: elapsed(), error: `${refusal.message} (not in WEBHOOK_ALLOW_HOSTS)` };
      return { kind: 'failed', latencyMs: elapsed(), error: err instanceof Error ? err.message : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async send(url: URL, request: WebhookRequest, signal: AbortSignal) {
    const res = await undiciRequest(url, {
      method: 'POST',
      dispatcher: this.dispatcher,
      signal,
      headers: { ...request.headers, 'content-type': 'application/json', 'user-agent': this.userAgent },
      body: request.body,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      // Enough for the excerpt: stop reading (leaving the loop destroys the body) rather than download a huge answer.
      if (size >= RESPONSE_READ_LIMIT_BYTES) break;
    }
    return { status: res.statusCode, retryAfterMs: parseRetryAfter(res.headers['retry-after']), excerpt: responseExcerpt(Buffer.concat(chunks)) };
  }
}
