import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { guardedLookup, isPrivateAddress } from '@listinglens/pipeline';
import { isAllowedHost, urlHost } from '@listinglens/pipeline/ssrf-guard';
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

/**
 * The SSRF rule shared with image fetching: pass `{ guardedLookup, isPrivateAddress }` from
 * @listinglens/pipeline. Injected rather than imported so that the api, which only needs secrets from
 * this lib, does not load the image pipeline (sharp) at start.
 */
export interface AddressGuard {
  guardedLookup: typeof guardedLookup;
  isPrivateAddress: typeof isPrivateAddress;
}

export interface WebhookPosterOptions {
  guard: AddressGuard;
  /** Hosts (names or IP literals) that may resolve to private addresses (WEBHOOK_ALLOW_HOSTS). */
  allowHosts: ReadonlySet<string>;
  timeoutMs?: number;
  userAgent?: string;
}

/**
 * POSTs webhooks without letting a registered URL reach private networks (same rule as image fetching):
 * the address is checked inside the socket's own DNS lookup with `agent: false`, so the address checked
 * is the address connected to. Redirects are not followed (a 3xx is a failed attempt). Never throws.
 */
export class SafeWebhookPoster implements WebhookPoster {
  private readonly timeoutMs: number;
  private readonly userAgent: string;

  constructor(private readonly options: WebhookPosterOptions) {
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? 'ListingLens-Webhooks/0.1';
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
    const host = urlHost(url);
    const allowed = isAllowedHost(this.options.allowHosts, url);
    // Node skips the lookup for IP literals, so they are checked here.
    if (!allowed && isIP(host) && this.options.guard.isPrivateAddress(host)) {
      return { kind: 'refused', latencyMs: 0, error: `refused: ${host} is a private or reserved address (not in WEBHOOK_ALLOW_HOSTS)` };
    }
    let refusedByLookup = false;
    const lookup: LookupFunction | undefined = allowed
      ? undefined
      : (hostname, options, callback) =>
          this.options.guard.guardedLookup(host)(hostname, options, (err, ...rest) => {
            // The guard reports refusals as an ImageError; DNS failures arrive as system errors.
            if (err?.name === 'ImageError') refusedByLookup = true;
            (callback as (e: NodeJS.ErrnoException | null, ...r: unknown[]) => void)(err, ...rest);
          });
    try {
      const response = await this.send(url, request, lookup);
      return { kind: 'response', latencyMs: elapsed(), ...response };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (refusedByLookup) return { kind: 'refused', latencyMs: elapsed(), error: `${message} (not in WEBHOOK_ALLOW_HOSTS)` };
      return { kind: 'failed', latencyMs: elapsed(), error: message };
    }
  }

  private send(url: URL, request: WebhookRequest, lookup: LookupFunction | undefined) {
    const client = url.protocol === 'https:' ? https : http;
    const timeoutMs = this.timeoutMs;
    return new Promise<{ status: number; retryAfterMs: number | null; excerpt: string | null }>((resolve, reject) => {
      const body = Buffer.from(request.body, 'utf8');
      // agent: false — a pooled keep-alive socket would skip the lookup, and with it the address check.
      const req = client.request(url, {
        method: 'POST',
        agent: false,
        lookup,
        timeout: timeoutMs,
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': String(body.length),
          'user-agent': this.userAgent,
        },
      });
      const deadline = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      req.on('close', () => clearTimeout(deadline));
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfterMs: parseRetryAfter(res.headers['retry-after']),
            excerpt: responseExcerpt(Buffer.concat(chunks)),
          });
        res.on('data', (chunk: Buffer) => {
          if (size >= RESPONSE_READ_LIMIT_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          // Enough for the excerpt: stop reading rather than download a huge answer.
          if (size >= RESPONSE_READ_LIMIT_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('error', reject);
      });
      req.end(body);
    });
  }
}
