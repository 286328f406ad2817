import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { certificatesIn, chainFrom, type C2paTrustList } from './c2pa-trust';

/** The manifest store as c2pa-rs reports it (`Reader::json()`), left loose: we read it defensively. */
export type C2paStoreJson = Record<string, unknown>;

/** Reads an embedded C2PA manifest store. An engine wrapper, so tests and other engines can stand in. */
export interface C2paReader {
  /** Null when the file has no manifest store; throws when one is present but unreadable. */
  read(bytes: Buffer, mimeType: string): Promise<C2paStoreJson | null>;
}

type C2paWasmModule = typeof import('@contentauth/c2pa-wasm');

/**
 * Network access during validation is switched off: OCSP and remote manifests would make a scan depend on
 * third-party servers (and leak which images we look at). Without a trust list a valid signature reads
 * `Valid` (untrusted signer), never `Trusted`; with one, c2pa-rs checks the chain against its anchors.
 */
function readerSettings(trust: C2paTrustList | null): string {
  const verify = { ocsp_fetch: false, remote_manifest_fetch: false, verify_trust: true };
  return JSON.stringify(trust ? { verify, trust: { trust_anchors: trust.pem } } : { verify });
}

let modulePromise: Promise<C2paWasmModule> | null = null;

function loadWasm(): Promise<C2paWasmModule> {
  modulePromise ??= (async () => {
    // The package is ESM-only; dynamic import works from the CommonJS build and from vitest alike.
    const mod = await import('@contentauth/c2pa-wasm');
    const anchor = typeof __filename === 'string' ? __filename : join(process.cwd(), 'package.json');
    const wasmPath = createRequire(anchor).resolve('@contentauth/c2pa-wasm/c2pa.wasm');
    mod.initSync({ module: readFileSync(wasmPath) });
    return mod;
  })();
  return modulePromise;
}

/** c2pa-rs compiled to wasm (ENVIRONMENT.md: read 13 of 13 real C2PA files on Node 20). */
export class WasmC2paReader implements C2paReader {
  private readonly settings: string;

  /** `trustList`: the operator's C2PA trust anchors (trustListFrom); none: no signer reads as trusted. */
  constructor(trustList: C2paTrustList | null = null) {
    this.settings = readerSettings(trustList);
  }

  async read(bytes: Buffer, mimeType: string): Promise<C2paStoreJson | null> {
    const mod = await loadWasm();
    let reader: Awaited<ReturnType<C2paWasmModule['WasmReader']['fromBytes']>>;
    try {
      reader = await mod.WasmReader.fromBytes(mimeType, bytes, this.settings);
    } catch (err) {
      if (/JumbfNotFound|ManifestNotFound/i.test(String(err))) return null;
      throw new Error(`C2PA manifest store unreadable: ${String(err)}`);
    }
    try {
      const parsed: unknown = JSON.parse(reader.json());
      if (!parsed || typeof parsed !== 'object') throw new Error('C2PA reader returned no object');
      return withSignerChains(parsed as C2paStoreJson, reader.crJson(), bytes);
    } finally {
      reader.free();
    }
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `json()` names only the signer's issuer and common name; the conformance report (`crJson()`) has the
 * signing certificate's subject and serial, from which the chain is rebuilt out of the file's own DER
 * certificates. Both land in each manifest's `signature_info.certificate_chain`.
 */
function withSignerChains(store: C2paStoreJson, crJson: string, bytes: Buffer): C2paStoreJson {
  const manifests = isObject(store['manifests']) ? store['manifests'] : {};
  let report: unknown;
  try {
    report = JSON.parse(crJson);
  } catch {
    return store;
  }
  const entries = isObject(report) && Array.isArray(report['manifests']) ? report['manifests'] : [];
  const pool = entries.length > 0 ? certificatesIn(bytes) : [];
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry['label'] !== 'string') continue;
    const manifest = manifests[entry['label']];
    const info = isObject(entry['signature']) && isObject(entry['signature']['certificateInfo']) ? entry['signature']['certificateInfo'] : null;
    if (!isObject(manifest) || !info || typeof info['serialNumber'] !== 'string') continue;
    const signature = isObject(manifest['signature_info']) ? manifest['signature_info'] : {};
    manifest['signature_info'] = { ...signature, certificate_subject: info['subject'] ?? null, certificate_chain: chainFrom(pool, info['serialNumber']) };
  }
  return store;
}
