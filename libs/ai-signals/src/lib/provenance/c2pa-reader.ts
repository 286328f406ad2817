import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
 * third-party servers (and leak which images we look at). Trust lists are not configured, so a valid
 * signature reads as `Valid`, never `Trusted`.
 */
const READER_SETTINGS = JSON.stringify({ verify: { ocsp_fetch: false, remote_manifest_fetch: false } });

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
  async read(bytes: Buffer, mimeType: string): Promise<C2paStoreJson | null> {
    const mod = await loadWasm();
    let reader: Awaited<ReturnType<C2paWasmModule['WasmReader']['fromBytes']>>;
    try {
      reader = await mod.WasmReader.fromBytes(mimeType, bytes, READER_SETTINGS);
    } catch (err) {
      if (/JumbfNotFound|ManifestNotFound/i.test(String(err))) return null;
      throw new Error(`C2PA manifest store unreadable: ${String(err)}`);
    }
    try {
      const parsed: unknown = JSON.parse(reader.json());
      if (!parsed || typeof parsed !== 'object') throw new Error('C2PA reader returned no object');
      return parsed as C2paStoreJson;
    } finally {
      reader.free();
    }
  }
}
