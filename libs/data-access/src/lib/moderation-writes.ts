import { type AuditEntry, type ModerationEffects, type NoticeDraft, SEVERITY_RANK } from '@listinglens/contracts';
import type { Prisma } from '../generated/prisma/client';
import { appendOutboxEvent } from './outbox-writes';
import type { Tx } from './transaction';

/*
 * Steps that run inside a caller's transaction (scan completion, a review decision, an appeal, a
 * policy publish), not a repository: each caller owns the transaction and the row it locked first, and
 * these writes must commit or roll back with that caller's own. A repository class here would only
 * wrap a `tx` argument it cannot own, hence the name.
 */

export interface ModerationSubject {
  listingId: string;
  marketplace: string;
  sellerId: string;
  scanId: string | null;
}

export interface AppliedModeration {
  reviewItemId: string | null;
  noticeIds: string[];
}

/**
 * Takes the listing's label lock until the transaction ends. Every writer of labels (scan completion,
 * review decision) takes it before reading the labels it decides from, so what it read stays true
 * until it commits: under READ COMMITTED a plain read would let a concurrent scan or reviewer add the
 * same label in between (a second label.applied, a second notice). An advisory lock, not `listings
 * ... FOR UPDATE`: ingest updates listing rows in shared batch statements, which must not wait on a
 * scan's write. Take it before locking a review item: a scan completion holds it while it updates the
 * listing's open review item, so the other order could deadlock.
 */
export async function lockListingLabels(tx: Tx, listingId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`listing-labels:${listingId}`}))`;
}

/** Labels on the listing now, each with who applied it (policy or reviewer); stable until commit only under
 * lockListingLabels(). `db` may be the client itself for a read outside any transaction. */
export async function listingLabels(db: Tx, listingId: string): Promise<Array<{ label: string; source: string }>> {
  return db.listingLabel.findMany({ where: { listingId, removedAt: null }, select: { label: true, source: true } });
}

/** The same labels, in any order: what a write compares with the labels its effects were decided from. */
export function sameLabelSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((label) => right.has(label));
}

/** The names of the labels on the listing now (see listingLabels). */
export async function activeLabels(db: Tx, listingId: string): Promise<string[]> {
  return (await listingLabels(db, listingId)).map((r) => r.label);
}

/**
 * Writes what a policy or a reviewer decided — review item, labels, notices, audit entries and the
 * outbox events for each — inside the caller's transaction, so the change and its events and audit
 * trail commit together or not at all. The caller holds lockListingLabels() and decided `effects` from
 * the labels it read under it.
 */
export async function applyModeration(tx: Tx, subject: ModerationSubject, effects: ModerationEffects, actor: { type: 'system' | 'key'; id: string }): Promise<AppliedModeration> {
  let reviewItemId: string | null = null;
  if (effects.review) {
    const flag = effects.review;
    const open = await tx.reviewItem.findFirst({ where: { listingId: subject.listingId, status: { not: 'decided' } } });
    if (open) {
      // One unfinished item per listing: a new flag joins it, raising its severity if need be.
      const rank = Math.max(open.severityRank, SEVERITY_RANK[flag.severity]);
      await tx.reviewItem.update({
        where: { id: open.id },
        data: {
          severityRank: rank,
          severity: rank === open.severityRank ? open.severity : flag.severity,
          codes: [...new Set([...open.codes, ...flag.codes])].sort(),
          ruleIds: [...new Set([...open.ruleIds, ...flag.ruleIds])],
          scanId: subject.scanId ?? open.scanId,
        },
      });
      reviewItemId = open.id;
    } else {
      const created = await tx.reviewItem.create({
        data: {
          listingId: subject.listingId,
          scanId: subject.scanId,
          marketplace: subject.marketplace,
          sellerId: subject.sellerId,
          severity: flag.severity,
          severityRank: SEVERITY_RANK[flag.severity],
          codes: flag.codes,
          ruleIds: flag.ruleIds,
          policyVersion: flag.policyVersion,
        },
      });
      reviewItemId = created.id;
    }
    await appendOutboxEvent(tx, 'listing.flagged', {
      listingId: subject.listingId,
      reviewItemId,
      severity: flag.severity,
      codes: flag.codes,
      policyVersion: flag.policyVersion,
      isAppeal: false,
    });
  }

  const added: string[] = [];
  for (const change of effects.labelsToApply) {
    const exists = await tx.listingLabel.findFirst({ where: { listingId: subject.listingId, label: change.label, removedAt: null } });
    if (exists) continue;
    await tx.listingLabel.create({
      data: {
        listingId: subject.listingId,
        label: change.label,
        source: actor.type === 'system' ? 'policy' : 'reviewer',
        appliedBy: actor.id,
        policyVersion: change.policyVersion,
        ruleId: change.ruleId,
      },
    });
    added.push(change.label);
  }
  const removed: string[] = [];
  for (const label of effects.labelsToRemove) {
    const result = await tx.listingLabel.updateMany({
      where: { listingId: subject.listingId, label, removedAt: null },
      data: { removedAt: new Date(), removedBy: actor.id },
    });
    if (result.count > 0) removed.push(label);
  }
  if (added.length > 0 || removed.length > 0) {
    await appendOutboxEvent(tx, 'listing.labeled', {
      listingId: subject.listingId,
      labels: await activeLabels(tx, subject.listingId),
      added,
      removed,
      by: actor.type === 'system' ? 'policy' : 'reviewer',
      policyVersion: effects.labelsToApply[0]?.policyVersion ?? null,
    });
  }

  const noticeIds: string[] = [];
  for (const notice of effects.notices) {
    const id = await insertNotice(tx, notice);
    if (id) noticeIds.push(id);
  }
  await appendAudit(tx, effects.audit);
  return { reviewItemId, noticeIds };
}

/** Idempotent by puid: the same decision never produces two notices. */
async function insertNotice(tx: Tx, notice: NoticeDraft): Promise<string | null> {
  const existing = await tx.notice.findUnique({ where: { puid: notice.puid }, select: { id: true } });
  if (existing) return null;
  const row = await tx.notice.create({
    data: {
      puid: notice.puid,
      listingId: notice.listingId,
      sellerId: notice.sellerId,
      statement: notice.statement as unknown as Prisma.InputJsonValue,
      rendered: notice.rendered as unknown as Prisma.InputJsonValue,
      parentNoticeId: notice.parentNoticeId,
      effect: notice.effect,
      // Restrictions are statements for the Transparency Database (art. 24(5)): queued here, in the
      // decision's transaction; the outbox dispatcher releases them with their notice.created event.
      tdbStatus: notice.effect === 'restriction' ? 'queued' : 'not_required',
    },
    select: { id: true },
  });
  await appendOutboxEvent(tx, 'notice.created', {
    noticeId: row.id,
    puid: notice.puid,
    listingId: notice.listingId,
    sellerId: notice.sellerId,
    // What the marketplace must enforce: the first restriction, or "none" when the notice restricts nothing.
    restriction: notice.effect === 'restriction' ? (notice.statement.decision_visibility[0] ?? 'none') : 'none',
    effect: notice.effect,
  });
  await appendAudit(tx, [
    {
      actorType: 'system',
      actor: 'notices',
      action: 'notice.created',
      listingId: notice.listingId,
      subjectType: 'notice',
      subjectId: row.id,
      reason: notice.statement.decision_facts.slice(0, 500),
      policyVersion: notice.statement.policy_version,
      ruleId: notice.statement.rule_ids[0] ?? null,
      shadow: false,
      data: { puid: notice.puid, labels: notice.statement.labels },
    },
  ]);
  return row.id;
}

export async function appendAudit(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((e) => ({ ...e, data: e.data as Prisma.InputJsonValue })),
  });
}
