import type { FindingView, ScanView } from '@listinglens/contracts';
import type { ApiKeyPrincipal } from '@listinglens/data-access';
import { isStaff } from './principal';

/**
 * A scan as a seller-scoped key sees it. `image.reused` evidence names the other listings and their
 * sellers (reviewers need them); a seller's own scan showed those ids to the seller. Sellers learn that
 * the photo appears in another seller's listing, how close the copy is, and how many there are, never whose.
 */
export function scanViewFor(principal: ApiKeyPrincipal, scan: ScanView): ScanView {
  if (isStaff(principal)) return scan;
  return { ...scan, findings: scan.findings.map(withoutOtherSellers) };
}

function withoutOtherSellers(finding: FindingView): FindingView {
  if (finding.code !== 'image.reused' || !('matches' in finding.evidence)) return finding;
  const { matches, ...evidence } = finding.evidence;
  // The detector lists matches closest first (by distance over the matching hash's threshold).
  const closest = matches[0];
  return { ...finding, evidence: { ...evidence, closestDistance: closest?.distance ?? null, closestHash: closest?.hash ?? null } };
}
