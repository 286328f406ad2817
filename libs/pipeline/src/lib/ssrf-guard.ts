import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ImageError } from './image-error';

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

/**
 * A socket `lookup` that refuses private addresses: pass it to http(s).request with `agent: false`, so
 * the address checked is the address connected to. (Used for image fetches and webhook deliveries.)
 */
export function guardedLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad || list.length === 0) {
        const reason = bad ? `${host} resolves to ${bad.address}, a private or reserved address` : `${host} has no address`;
        return callback(new ImageError('image.fetch_failed', `refused: ${reason}`), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
