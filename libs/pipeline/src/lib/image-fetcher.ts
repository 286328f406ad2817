import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { ImageError } from './image-error';
import { guardedLookup, isAllowedHost, isPrivateAddress, urlHost } from './ssrf-guard';

export interface FetchOptions {
  /** Hosts (names or IP literals) that may resolve to private addresses, e.g. an internal CDN. */
  allowHosts: ReadonlySet<string>;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

/** Fetches URLs on behalf of untrusted input; the wrapper other code depends on. */
export interface HttpFetcher {
  fetch(url: string): Promise<Buffer>;
}

/**
 * SSRF-safe fetcher. The address check happens inside the socket's own DNS lookup, so the address
 * checked is the address connected to (no rebinding window); every redirect hop is checked again.
 */
export class SafeHttpFetcher implements HttpFetcher {
  constructor(private readonly options: FetchOptions) {}

  async fetch(url: string): Promise<Buffer> {
    let current = url;
    for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
      const outcome = await this.fetchOnce(current);
      if (outcome.kind === 'body') return outcome.body;
      current = outcome.location;
    }
    throw new ImageError('image.fetch_failed', `more than ${this.options.maxRedirects} redirects`);
  }

  private fetchOnce(rawUrl: string): Promise<{ kind: 'body'; body: Buffer } | { kind: 'redirect'; location: string }> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new ImageError('image.fetch_failed', `not a valid URL: ${rawUrl}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ImageError('image.fetch_failed', `scheme ${url.protocol} is not allowed (http and https only)`);
    }
    // Ingest refuses user:password@ URLs; a redirect must not bring them back (Node would send them as Basic auth).
    if (url.username || url.password) throw new ImageError('image.fetch_failed', 'refused: a URL with credentials (user:password@)');
    const host = urlHost(url);
    const allowed = isAllowedHost(this.options.allowHosts, url);
    // Node skips the lookup for IP literals, so they are checked here.
    if (!allowed && isIP(host) && isPrivateAddress(host)) {
      throw new ImageError('image.fetch_failed', `refused: ${host} is a private or reserved address`);
    }
    const lookup = allowed ? undefined : guardedLookup(host);
    const client = url.protocol === 'https:' ? https : http;
    const { timeoutMs, maxBytes } = this.options;

    return new Promise((resolve, reject) => {
      const fail = (message: string, code: 'image.fetch_failed' | 'image.too_large' = 'image.fetch_failed') =>
        reject(new ImageError(code, message));
      // agent: false — a pooled keep-alive socket would skip the lookup, and with it the address check.
      const req = client.get(url, { agent: false, lookup, timeout: timeoutMs, headers: { accept: 'image/*' } }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ kind: 'redirect', location: new URL(res.headers.location, url).toString() });
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          fail(`HTTP ${status} from ${url.host}`);
          return;
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          req.destroy();
          fail(`${declared} bytes declared, over the limit of ${maxBytes}`, 'image.too_large');
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy();
            fail(`more than ${maxBytes} bytes`, 'image.too_large');
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ kind: 'body', body: Buffer.concat(chunks) }));
        res.on('error', (err) => fail(`reading ${url.host}: ${err.message}`));
      });
      const deadline = setTimeout(() => {
        req.destroy();
        fail(`timed out after ${timeoutMs} ms`);
      }, timeoutMs);
      req.on('close', () => clearTimeout(deadline));
      req.on('timeout', () => {
        req.destroy();
        fail(`timed out after ${timeoutMs} ms`);
      });
      req.on('error', (err) => {
        if (err instanceof ImageError) reject(err);
        else fail(`cannot fetch ${url.host}: ${err.message}`);
      });
    });
  }
}
