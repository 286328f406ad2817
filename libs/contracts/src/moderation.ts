import type { TdbCategory, TdbContentType, TdbDecisionVisibility, TdbKeyword } from './transparency-db/vocabulary';
import type { Severity } from './findings';

/**
 * What a policy decided for one scan or what a reviewer decided, as plain data. The pure policy and
 * notice libs compute it; data-access writes it in the same transaction as the change.
 */
export interface AuditEntry {
  actorType: 'system' | 'key';
  actor: string;
  action: string;
  listingId: string | null;
  subjectType: string;
  subjectId: string;
  reason: string | null;
  policyVersion: number | null;
  ruleId: string | null;
  shadow: boolean;
  data: Record<string, unknown>;
}

export interface ReviewFlag {
  severity: Severity;
  codes: string[];
  ruleIds: string[];
  policyVersion: number | null;
}

export interface LabelChange {
  label: string;
  ruleId: string | null;
  policyVersion: number | null;
}

/**
 * A DSA art. 17 statement of reasons with DSA Transparency Database field names and values (see
 * transparency-db/vocabulary.ts for the rules version). `toTdbSubmission` keeps only the database's
 * fields; the last four are ours.
 */
export interface StatementOfReasons {
  puid: string;
  decision_visibility: TdbDecisionVisibility[];
  /** Only with DECISION_VISIBILITY_OTHER (the database requires it then). */
  decision_visibility_other?: string;
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  incompatible_content_ground: string;
  incompatible_content_explanation: string;
  content_type: TdbContentType[];
  category: TdbCategory;
  category_addition: TdbCategory[];
  category_specification: TdbKeyword[];
  decision_facts: string;
  automated_detection: 'Yes' | 'No';
  automated_decision: 'AUTOMATED_DECISION_FULLY' | 'AUTOMATED_DECISION_PARTIALLY' | 'AUTOMATED_DECISION_NOT_AUTOMATED';
  source_type: 'SOURCE_VOLUNTARY';
  territorial_scope: string[];
  application_date: string;
  content_date: string;
  /** Not a Transparency Database field: the redress options art. 17(3)(f) requires, as codes. */
  redress: string[];
  labels: string[];
  policy_version: number | null;
  rule_ids: string[];
}

/**
 * What a decision does to the seller's listing, which decides whether the notice is a statement of
 * reasons the Transparency Database must get (art. 24(5): restrictions only).
 */
export type NoticeEffect = 'restriction' | 'restriction_lifted' | 'information';

export interface NoticeDraft {
  puid: string;
  listingId: string;
  sellerId: string;
  effect: NoticeEffect;
  statement: StatementOfReasons;
  /** Seller-facing text; `{{appeal}}` stands for the appeal sentence the api fills in when it serves the notice. */
  rendered: { en: string; zh: string };
  parentNoticeId: string | null;
}

export interface ModerationEffects {
  review: ReviewFlag | null;
  labelsToApply: LabelChange[];
  labelsToRemove: string[];
  notices: NoticeDraft[];
  audit: AuditEntry[];
}
