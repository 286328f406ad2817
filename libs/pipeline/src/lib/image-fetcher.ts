import { type Dispatcher, request } from 'undici';
import { createGuardedDispatcher } from './guarded-dispatcher';
import { ImageError } from './image-error';
import { findAddressRefusal, type Resolver } from './ssrf-guard';

export interface FetchOptions {
  /** Hosts (names or IP literals) that may resolve to private addresses, e.g. an internal CDN. */
  allowHosts: ReadonlySet<string>;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Name resolution for the address check; the system resolver unless a test replaces it. */
  resolve?: Resolver;
}

/** Fetches URLs on behalf of untrusted input; the wrapper other code depends on. */
export interface HttpFetcher {
  fetch(url: string): Promise<Buffer>;
}

type Hop = { kind: 'body'; body: Buffer } | { kind: 'redirect'; location: string };

/**
 * SSRF-safe fetcher over the guarded dispatcher (no connection to a private address unless allow-listed);
 * redirects are followed here, so every hop is checked again.
 */
export class SafeHttpFetcher implements HttpFetcher {
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: FetchOptions) {
    this.dispatcher = createGuardedDispatcher({ allowHosts: options.allowHosts, connectTimeoutMs: options.timeoutMs, resolve: options.resolve });
  }

  async fetch(url: string): Promise<Buffer> {
    let current = url;
    for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
      const outcome = await this.fetchOnce(current);
      if (outcome.kind === 'body') return outcome.body;
      current = outcome.location;
    }
    throw new ImageError('image.fetch_failed', `more than ${this.options.maxRedirects} redirects`);
  }

  private async fetchOnce(rawUrl: string): Promise<Hop> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new ImageError('image.fetch_failed', `not a valid URL: ${rawUrl}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ImageError('image.fetch_failed', `scheme ${url.protocol} is not allowed (http and https only)`);
    }
    // Ingest refuses user:password@ URLs; a redirect must not bring them back (they would go out as Basic auth).
    if (url.username || url.password) throw new ImageError('image.fetch_failed', 'refused: a URL with credentials (user:password@)');
    const { timeoutMs } = this.options;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new ImageError('image.fetch_failed', `timed out after ${timeoutMs} ms`)), timeoutMs);
    try {
      return await this.readHop(url, deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readHop(url: URL, signal: AbortSignal): Promise<Hop> {
    const { maxBytes } = this.options;
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { dispatcher: this.dispatcher, signal, headers: { accept: 'image/*' } });
    } catch (err) {
      if (err instanceof ImageError) throw err;
      const refusal = findAddressRefusal(err);
      if (refusal) throw new ImageError('image.fetch_failed', refusal.message);
      throw new ImageError('image.fetch_failed', `cannot fetch ${url.host}: ${(err as Error).message}`);
    }
    const { statusCode: status, headers, body } = res;
    const location = headers.location;
    if (status >= 300 && status < 400 && typeof location === 'string' && location) {
      await body.dump().catch(() => undefined); // read a short body so the connection can be reused
      return { kind: 'redirect', location: new URL(location, url).toString() };
    }
    if (status < 200 || status >= 300) {
      await body.dump().catch(() => undefined);
      throw new ImageError('image.fetch_failed', `HTTP ${status} from ${url.host}`);
    }
    const declared = Number(headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      // undici turns a bare destroy into an 'error' event (AbortError): nobody is left to read it.
      body.on('error', () => undefined).destroy();
      throw new ImageError('image.too_large', `${declared} bytes declared, over the limit of ${maxBytes}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw new ImageError('image.too_large', `more than ${maxBytes} bytes`); // ends the loop, which destroys the body
        chunks.push(chunk);
      }
    } catch (err) {
      if (err instanceof ImageError) throw err;
      throw new ImageError('image.fetch_failed', `reading ${url.host}: ${(err as Error).message}`);
    }
    return { kind: 'body', body: Buffer.concat(chunks) };
  }
}
