import type { AiClaimKind, C2paTrust, C2paValidation, ProvenanceSource } from '@listinglens/contracts';
import type { C2paBinding, C2paGraphNode, C2paSigner } from './c2pa-manifest-graph';

/** Where a statement was read, what it claims, and the C2PA verdicts: defined with the evidence they end up in. */
export type { AiClaimKind, C2paTrust, C2paValidation, ProvenanceSource };

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

// A type, not an interface: it is finding evidence, and the evidence type is a JSON object (index signature).
export type C2paSummary = {
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
};

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
