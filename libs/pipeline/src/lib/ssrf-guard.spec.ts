import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressRefusedError, findAddressRefusal, isAllowedHost, isPrivateAddress, parseAllowHosts } from './ssrf-guard';

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '224.0.0.1'])(
    'refuses %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it('refuses what is not an address', () => expect(isPrivateAddress('localhost')).toBe(true));

  // Forms the old regexes missed: an IPv4 address inside IPv6 in hex, IPv4-compatible, 6to4, site-local.
  it.each([
    ['NAT64, hex', '64:ff9b::7f00:1'],
    ['NAT64, dotted', '64:ff9b::127.0.0.1'],
    ['NAT64 to the metadata address', '64:ff9b::a9fe:a9fe'],
    ['NAT64 local-use', '64:ff9b:1::808:808'],
    ['IPv4-compatible, hex', '::7f00:1'],
    ['IPv4-compatible, dotted', '::127.0.0.1'],
    ['IPv4-compatible, public inside', '::808:808'],
    ['IPv4-mapped, hex', '::ffff:7f00:1'],
    ['IPv4-mapped, hex, metadata', '::ffff:a9fe:a9fe'],
    ['IPv4-translated', '::ffff:0:7f00:1'],
    ['IPv4-translated, dotted', '::ffff:0:10.0.0.1'],
    ['6to4 of loopback', '2002:7f00:1::'],
    ['6to4 of 10/8', '2002:a00:1::1'],
    ['6to4 of the metadata address', '2002:a9fe:a9fe::1'],
    ['site-local', 'fec0::1'],
    ['Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['documentation', '2001:db8::1'],
    ['discard', '100::1'],
    ['zone id', 'fe80::1%eth0'],
    ['broadcast', '255.255.255.255'],
    ['benchmarking', '198.18.0.1'],
    ['6to4 relay anycast', '192.88.99.1'],
  ])('refuses %s (%s)', (_, address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['64:ff9b::808:808', '64:ff9b::8.8.8.8', '2002:808:808::1', '::ffff:0:808:808', '2a00:1450:4001:82a::200e'])('allows %s (a public IPv4 inside, or global unicast)', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it('judges every IPv6 form of an IPv4 address as that address', () => {
    const hex = (n: number) => `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
    const dotted = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        const v4 = isPrivateAddress(dotted(n));
        for (const form of [`::ffff:${hex(n)}`, `::ffff:${dotted(n)}`, `::ffff:0:${hex(n)}`, `64:ff9b::${hex(n)}`, `2002:${hex(n)}::1`]) {
          expect([form, isPrivateAddress(form)]).toEqual([form, v4]);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('parseAllowHosts', () => {
  it('splits, trims and lower-cases', () => {
    expect([...parseAllowHosts(' CDN.internal, 127.0.0.1 ,,')]).toEqual(['cdn.internal', '127.0.0.1']);
    expect(parseAllowHosts(undefined).size).toBe(0);
  });
});

describe('isAllowedHost (host:port entries)', () => {
  const list = parseAllowHosts('cdn.internal, img.internal:8443, 10.0.0.5:80, [fd00::1]:9000, fd00::2');
  it.each([
    ['http://cdn.internal:1234/a', true],
    ['https://img.internal:8443/a', true],
    ['https://img.internal/a', false],
    ['http://10.0.0.5/a', true],
    ['http://10.0.0.5:8080/a', false],
    ['http://[fd00::1]:9000/a', true],
    ['http://[fd00::1]:9001/a', false],
    ['http://[fd00::2]:1/a', true],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedHost(list, new URL(url))).toBe(allowed);
  });
});

describe('findAddressRefusal', () => {
  it('finds the refusal however a client wrapped it, and nothing else', () => {
    const refusal = new AddressRefusedError('refused: x');
    expect(findAddressRefusal(refusal)).toBe(refusal);
    expect(findAddressRefusal(new Error('connect failed', { cause: new Error('inner', { cause: refusal }) }))).toBe(refusal);
    expect(findAddressRefusal(new AggregateError([new Error('ECONNREFUSED'), refusal]))).toBe(refusal);
    expect(findAddressRefusal(new Error('refused: looks like one', { cause: 'refused' }))).toBeNull();
    expect(findAddressRefusal(Object.assign(new Error('refused: x'), { name: 'AddressRefusedError' }))).toBeNull();
  });
});
