import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The C2PA trust list an operator supplies: PEM certificates (the C2PA conformance trust list
 * `C2PA-TRUST-LIST.pem`, the interim/temporary list, their own anchors) concatenated or in several files.
 * None ship with ListingLens: the conformance list (O-UDA-1.0) could be redistributed with attribution, but
 * a trust list that is not kept current trusts revoked signers, so the operator fetches and updates it.
 */
export interface C2paTrustList {
  /** Every anchor as PEM, joined: what c2pa-rs takes as `trust.trust_anchors`. */
  pem: string;
  anchors: { subject: string; fingerprint256: string }[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]{1,65536}?-----END CERTIFICATE-----/g;

/** Parses PEM text; throws on text with no certificate or a block Node cannot read (a typo should stop startup). */
export function parseTrustList(pemText: string, origin = 'trust list'): C2paTrustList {
  const blocks = pemText.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error(`${origin}: no PEM certificate found`);
  const anchors = blocks.map((block, i) => {
    try {
      const cert = new X509Certificate(block);
      return { subject: oneLine(cert.subject), fingerprint256: cert.fingerprint256 };
    } catch (err) {
      throw new Error(`${origin}: certificate ${i + 1} unreadable (${String(err)})`);
    }
  });
  return { pem: blocks.join('\n'), anchors };
}

/**
 * The trust list in `C2PA_TRUST_ANCHORS` (AiSignalsSettings): PEM file paths separated by commas (or the
 * path delimiter). Unset: no trust list, so an intact manifest reads "untrusted-signer", never "trusted".
 */
export function trustListFrom(anchors: string | undefined): C2paTrustList | null {
  const value = anchors?.trim();
  if (!value) return null;
  const files = value.split(/[,:;]/).map((f) => f.trim()).filter(Boolean);
  const lists = files.map((file) => parseTrustList(readFileSync(file, 'utf8'), `C2PA_TRUST_ANCHORS ${file}`));
  return { pem: lists.map((l) => l.pem).join('\n'), anchors: lists.flatMap((l) => l.anchors) };
}

export const oneLine = (dn: string) => dn.split('\n').join(', ');

/** One certificate of a signer's chain, as a reviewer reads it. */
export interface ChainCertificate {
  subject: string;
  organization: string | null;
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  notAfter: string;
}

const MAX_CANDIDATES = 4_096;

/**
 * The DER certificates embedded in a file (a COSE x5chain holds them as plain DER byte strings), found by
 * their SEQUENCE header and confirmed by Node's X.509 parser. c2pa-rs validates the chain but reports only
 * the signing certificate; this recovers the rest for evidence. Linear: each candidate is tried once.
 */
export function certificatesIn(bytes: Buffer): X509Certificate[] {
  const found: X509Certificate[] = [];
  let tried = 0;
  for (let i = bytes.indexOf(0x30); i >= 0 && i + 4 < bytes.length && tried < MAX_CANDIDATES; i = bytes.indexOf(0x30, i + 1)) {
    if (bytes[i + 1] !== 0x82) continue;
    tried++;
    const end = i + 4 + bytes.readUInt16BE(i + 2);
    if (end > bytes.length) continue;
    try {
      found.push(new X509Certificate(bytes.subarray(i, end)));
      i = end - 1;
    } catch {
      // not a certificate: keep scanning
    }
  }
  return found;
}

/** From the certificate with `serialHex`, each issuer in turn among `pool`, as far as the pool goes. */
export function chainFrom(pool: X509Certificate[], serialHex: string): ChainCertificate[] {
  const wanted = serialHex.replace(/^0+/, '').toLowerCase();
  let current = pool.find((c) => c.serialNumber.replace(/^0+/, '').toLowerCase() === wanted);
  const chain: ChainCertificate[] = [];
  const seen = new Set<string>();
  while (current && !seen.has(current.fingerprint256) && chain.length < 8) {
    seen.add(current.fingerprint256);
    chain.push(describe(current));
    const child: X509Certificate = current;
    current = pool.find((c) => c !== child && child.checkIssued(c) && child.verify(c.publicKey));
  }
  return chain;
}

function describe(cert: X509Certificate): ChainCertificate {
  const field = (name: string) => cert.subject.split('\n').find((l) => l.startsWith(`${name}=`))?.slice(name.length + 1) ?? null;
  return {
    subject: oneLine(cert.subject),
    organization: field('O'),
    commonName: field('CN'),
    issuer: oneLine(cert.issuer),
    serialNumber: cert.serialNumber.toLowerCase(),
    notAfter: cert.validTo,
  };
}
