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

/** A DSA art. 17 statement of reasons, with DSA Transparency Database field names. */
export interface StatementOfReasons {
  puid: string;
  decision_visibility: string[];
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT' | 'DECISION_GROUND_ILLEGAL_CONTENT';
  incompatible_content_ground: string;
  incompatible_content_explanation: string;
  content_type: string[];
  category: string;
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

export interface NoticeDraft {
  puid: string;
  listingId: string;
  sellerId: string;
  statement: StatementOfReasons;
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
