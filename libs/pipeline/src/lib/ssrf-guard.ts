import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** A connection refused by the address rule; callers map it (image fetch failure, webhook `refused`). */
export class AddressRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressRefusedError';
  }
}

/** The refusal behind an error, wherever a client library wrapped it (`cause`, AggregateError). */
export function findAddressRefusal(err: unknown, depth = 0): AddressRefusedError | null {
  if (err instanceof AddressRefusedError) return err;
  if (!(err instanceof Error) || depth > 5) return null;
  const inner = [err.cause, ...(err instanceof AggregateError ? err.errors : [])];
  for (const e of inner) {
    const found = findAddressRefusal(e, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Whether an image fetch (or webhook delivery) must not reach this address unless its host is
 * allow-listed: anything but global unicast, by ipaddr.js's ranges (private, loopback, link-local where
 * cloud metadata lives, CGNAT, multicast, reserved, documentation, site-local fec0::/10, discard, ...).
 *
 * IPv6 forms that carry an IPv4 address are judged by that address: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). The regexes this
 * replaces only knew the dotted forms, so 64:ff9b::7f00:1, ::ffff:0:7f00:1 and 2002:7f00:1:: reached
 * loopback. IPv4-compatible (::a.b.c.d, deprecated, also ::7f00:1), NAT64 local-use (64:ff9b:1::/48)
 * and Teredo (its client address is obfuscated) are refused whole.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address) || isIP(address.split('%')[0]) === 0) return true; // not an address: refuse rather than guess
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded) return embedded.range() !== 'unicast';
  if (v6.match(IPV4_COMPATIBLE) || v6.match(NAT64_LOCAL_USE)) return true;
  return v6.range() !== 'unicast';
}

const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96') as [ipaddr.IPv6, number];
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96') as [ipaddr.IPv6, number];
const NAT64_LOCAL_USE = ipaddr.parseCIDR('64:ff9b:1::/48') as [ipaddr.IPv6, number];

/** The IPv4 address an IPv6 address stands for, in the forms that route to one. */
function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = v6.toByteArray();
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || v6.match(NAT64_WELL_KNOWN)) return ipaddr.fromByteArray(bytes.slice(12)) as ipaddr.IPv4;
  if (range === '6to4') return ipaddr.fromByteArray(bytes.slice(2, 6)) as ipaddr.IPv4;
  return null;
}

/** A URL's host as the allow-list and the address check see it: lower case, IPv6 brackets removed. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Host allow-list from a comma-separated env value. An entry is a hostname or IP literal (any port), or
 * `host:port` / `[v6]:port` for that port only: an internal image CDN on :8443 need not open the
 * host's other services. Stored as `host` or `host:port` (`[v6]:port`).
 */
export function parseAllowHosts(value: string | undefined): Set<string> {
  const entries = new Set<string>();
  for (const raw of (value ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)) {
    const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(raw);
    if (bracketed) entries.add(bracketed[2] ? `[${bracketed[1]}]:${bracketed[2]}` : bracketed[1]);
    else entries.add(raw); // a name, an IPv4 literal, name:port, v4:port, or a bare IPv6 literal
  }
  return entries;
}

/** True when the allow-list names this URL's host, either for any port or for the port it uses. */
export function isAllowedHost(allowHosts: ReadonlySet<string>, url: URL): boolean {
  const host = urlHost(url);
  if (allowHosts.has(host)) return true;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowHosts.has(`${isIP(host) === 6 ? `[${host}]` : host}:${port}`);
}

/** Name resolution as the guard sees it: every address of a name. A seam for tests (no hosts file). */
export type Resolver = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => dnsLookup(hostname, { ...options, all: true }, callback);

/**
 * A socket `lookup` that refuses private addresses with an AddressRefusedError: the socket connects
 * to the address checked here, so there is no rebinding window. Node skips the lookup for IP literals:
 * callers check those with isPrivateAddress (guarded-dispatcher.ts does both).
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (err, list) => {
      if (err) return callback(err, '', 0);
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad || list.length === 0) {
        const reason = bad ? `${hostname} resolves to ${bad.address}, a private or reserved address` : `${hostname} has no address`;
        return callback(new AddressRefusedError(`refused: ${reason}`), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
