import type { C2paBinding, C2paGraphNode, C2paSigner } from './c2pa-manifest-graph';

/** Where a provenance statement was read. */
export type ProvenanceSource = 'c2pa' | 'xmp' | 'exif' | 'png-text' | 'jpeg-comment' | 'stealth-alpha';

/**
 * `generated`: the image itself came out of a generative model. `edited`: a camera or human image was
 * changed with one (generative fill, a composite with AI elements).
 */
export type AiClaimKind = 'generated' | 'edited';

/** One statement in the file's metadata that says generative AI made or changed the image. */
export interface AiProvenanceClaim {
  source: ProvenanceSource;
  kind: AiClaimKind;
  /** Where it was found, e.g. `png.tEXt[parameters]`, `xmp/Iptc4xmpExt:DigitalSourceType`. */
  path: string;
  /** The value found (shortened for long prompts). */
  value: string;
  /** The tool or model named by the metadata, when it names one. */
  generator: string | null;
}

/**
 * `trusted`: signed by a certificate on a trust list and intact. `valid`: intact, signer not on the
 * operator's trust list (C2PA_TRUST_ANCHORS; none ships). `unverified`: the manifest failed validation (altered after signing, bad or expired
 * signature) — its statements are shown but never taken as proof that an image is clean.
 */
export type C2paValidation = 'trusted' | 'valid' | 'unverified';

/** What the finding says about the signer: on the operator's trust list, intact but not on it, or broken. */
export type C2paTrust = 'trusted' | 'untrusted-signer' | 'invalid';

export interface C2paSummary {
  validation: C2paValidation;
  trust: C2paTrust;
  signers: C2paSigner[];
  /** The ingredient graph from the active manifest (see c2pa-manifest-graph.ts). */
  graph: { nodes: C2paGraphNode[]; unreachable: string[] };
  bindings: C2paBinding[];
  /** A trusted manifest says a camera captured the image (digitalCapture) and makes no AI claim. */
  trustedCapture: boolean;
  /** Validation failure codes, e.g. `assertion.dataHash.mismatch`, `signingCredential.expired`. */
  failures: string[];
  activeManifest: string | null;
  manifestCount: number;
  claimGenerators: string[];
  /** digitalSourceType values that are deliberately NOT AI (digitalCapture, algorithmicMedia, ...). */
  nonAiSourceTypes: string[];
}

export interface ProvenanceReport {
  claims: AiProvenanceClaim[];
  /** Null when the file has no C2PA manifest store. */
  c2pa: C2paSummary | null;
  /** A C2PA store was found but could not be parsed (reported, never read as clean). */
  c2paError: string | null;
}

export const MAX_EVIDENCE_VALUE_CHARS = 400;

export function shorten(value: string, max = MAX_EVIDENCE_VALUE_CHARS): string {
  const trimmed = value.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}
