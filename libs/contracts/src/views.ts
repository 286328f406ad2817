import type { z } from 'zod';
import type { imageReusedSellerEvidenceSchema } from './evidence/ai-evidence.schema';
import type { EvidenceOf, Finding, FindingCode, Severity } from './findings';
import type { ImageErrorView } from './image-errors';

/** Public shapes shared by the API and the CLI report. */
export const SCAN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export interface ImageView {
  position: number;
  sha256: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  /** PDQ, 64 lowercase hex digits, and its quality 0–100 (null when the image could not be decoded). */
  pdq: string | null;
  pdqQuality: number | null;
  /** The service keeps the scanned bytes as evidence (absent in the CLI's report, which keeps nothing). */
  evidenceKept?: boolean;
  error: ImageErrorView | null;
  /** Recognised text; only when asked for (CLI --include-text). */
  text?: string;
}

export type ImageReusedSellerEvidence = z.infer<typeof imageReusedSellerEvidenceSchema>;
/** A finding's evidence as shown: a seller-scoped key sees image.reused without whose listing it is. */
export type EvidenceViewOf<C extends FindingCode> = C extends 'image.reused' ? EvidenceOf<C> | ImageReusedSellerEvidence : EvidenceOf<C>;

export type FindingView = {
  [C in FindingCode]: {
    code: C;
    severity: Severity;
    confidence: number;
    imagePosition: number | null;
    evidence: EvidenceViewOf<C>;
    ruleId: string;
  };
}[FindingCode];

export interface ScanView {
  scanId: string;
  listingId: string;
  listingVersion: number;
  status: ScanStatus;
  queuedAt: string;
  startedAt: string | null;
  completedAt: string | null;
  error: { code: string; message: string } | null;
  images: ImageView[];
  findings: FindingView[];
}

export interface IngestResult {
  listingId: string;
  scanId: string;
  status: ScanStatus;
  /** false when the same content was sent before and nothing new was queued. */
  created: boolean;
}

/** The public shape of a finding (API and CLI report): ruleId names the rule; its version stays internal. */
export function toFindingView(f: Finding): FindingView {
  // Everything but the rule version, spread so each code keeps its own evidence type.
  const { ruleVersion, ...view } = f;
  void ruleVersion;
  return view;
}
