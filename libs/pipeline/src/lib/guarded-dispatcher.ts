import { isIP } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { AddressRefusedError, guardedLookup, isAllowedHost, isPrivateAddress, type Resolver } from './ssrf-guard';

export interface GuardedDispatcherOptions {
  /** Hosts (names or IP literals, optionally `host:port`) that may reach private addresses. */
  allowHosts: ReadonlySet<string>;
  /** Gives up on a connection attempt after this long (undici's own default is 10 s). */
  connectTimeoutMs: number;
  /** Name resolution; the system resolver unless a test replaces it. */
  resolve?: Resolver;
}

/**
 * The one HTTP client for requests on behalf of untrusted input (image fetches, webhook deliveries): an
 * undici Agent whose connections cannot reach private or reserved addresses unless the origin is
 * allow-listed. Names are checked inside the socket's own DNS lookup, so the address checked is the
 * address connected to; IP literals (no lookup happens for them) are checked before connecting.
 * A refusal fails the request with an AddressRefusedError (see findAddressRefusal).
 */
export function createGuardedDispatcher(options: GuardedDispatcherOptions): Dispatcher {
  const open = buildConnector({ timeout: options.connectTimeoutMs });
  const guarded = buildConnector({ timeout: options.connectTimeoutMs, lookup: guardedLookup(options.resolve) });
  return new Agent({
    // Keep-alive pooling is safe: undici pools per origin, and every pooled connection went through this
    // check when it was opened (node:http needed `agent: false`, its pooled sockets skipped `lookup`).
    connect: (target, callback) => {
      if (isAllowedHost(options.allowHosts, originUrl(target))) return open(target, callback);
      if (isIP(target.hostname) && isPrivateAddress(target.hostname)) {
        return callback(new AddressRefusedError(`refused: ${target.hostname} is a private or reserved address`), null);
      }
      return guarded(target, callback);
    },
  });
}

/** The origin undici is connecting to, as the allow-list reads it (undici passes IPv6 without brackets). */
function originUrl(target: { protocol: string; hostname: string; port: string }): URL {
  const host = isIP(target.hostname) === 6 ? `[${target.hostname}]` : target.hostname;
  return new URL(`${target.protocol}//${host}${target.port ? `:${target.port}` : ''}`);
}
