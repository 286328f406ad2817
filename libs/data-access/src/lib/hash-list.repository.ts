import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { AuditEntry } from '@listinglens/contracts';
import type { HashListItem, ListedHashRecord, RejectedLine } from '@listinglens/pdq';
import { appendAudit } from './moderation-writes';
import { PrismaService } from './prisma.service';
import { SqlPool } from './sql-pool.service';

export interface HashListView {
  id: string;
  name: string;
  source: string;
  threshold: number;
  action: string;
  enabled: boolean;
  revision: number;
  hashes: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewHashList {
  name: string;
  source: string;
  threshold: number;
  action: string;
  enabled: boolean;
}

export interface ImportReport {
  listId: string;
  /** Lines read, comments and blanks included. */
  lines: number;
  added: number;
  /** Valid hashes already on the list (or twice in the file): kept once. */
  duplicates: number;
  rejected: number;
  /** The first REJECTS_SHOWN malformed lines, with why. */
  rejectedLines: RejectedLine[];
}

const BATCH = 5000;
const REJECTS_SHOWN = 1000;
/** Imports adding at least this many hashes refresh the table's statistics. */
const ANALYZE_AFTER = 10_000;

/** Hash lists and their hashes. Every change moves the list's revision and appends an audit event. */
@Injectable()
export class HashListRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: SqlPool,
  ) {}

  async create(list: NewHashList, actor: string): Promise<HashListView> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.hashList.create({ data: { ...list, createdBy: actor } });
      await appendAudit(tx, [audit(actor, 'hash_list.created', row.id, { ...list })]);
      return view(row, 0);
    });
  }

  async list(): Promise<HashListView[]> {
    const rows = await this.prisma.hashList.findMany({ orderBy: { createdAt: 'asc' } });
    const counts = await this.counts(rows.map((r) => r.id));
    return rows.map((r) => view(r, counts.get(r.id) ?? 0));
  }

  async get(id: string): Promise<HashListView | null> {
    const row = await this.prisma.hashList.findUnique({ where: { id } });
    return row ? view(row, (await this.counts([id])).get(id) ?? 0) : null;
  }

  async update(id: string, patch: Partial<Omit<NewHashList, 'name'>>, actor: string): Promise<HashListView | null> {
    return this.prisma.$transaction(async (tx) => {
      const found = await tx.hashList.findUnique({ where: { id } });
      if (!found) return null;
      const row = await tx.hashList.update({ where: { id }, data: { ...patch, revision: { increment: 1 } } });
      await appendAudit(tx, [audit(actor, 'hash_list.updated', id, { ...patch })]);
      return view(row, (await this.counts([id])).get(id) ?? 0);
    });
  }

  /**
   * Adds the parsed hashes in batches of 5,000 (constant memory whatever the size), all in one
   * transaction with the audit event that records the import: an import is all there or not at all.
   * Malformed lines are counted and the first 1,000 named; the valid ones are kept.
   */
  async importHashes(listId: string, items: AsyncIterable<HashListItem>, actor: string): Promise<ImportReport> {
    const report = await this.importInTransaction(listId, items, actor);
    // A large import leaves the table's statistics far behind (10,000,000 rows planned as 5,738): the
    // pages a worker then loads were planned as a bitmap scan and a sort of the rest of the list, 3–5 s a
    // page; after ANALYZE, an index scan, 23 ms. Autovacuum would get there, later.
    if (report.added >= ANALYZE_AFTER) await this.pool.query('ANALYZE hash_list_entries');
    return report;
  }

  private importInTransaction(listId: string, items: AsyncIterable<HashListItem>, actor: string): Promise<ImportReport> {
    return this.inTransaction(async (client) => {
      const report: ImportReport = { listId, lines: 0, added: 0, duplicates: 0, rejected: 0, rejectedLines: [] };
      let batch: Array<{ pdq: string; externalId: string | null; note: string | null }> = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const res = await client.query(
          `INSERT INTO hash_list_entries ("listId", pdq, "externalId", note)
           SELECT $1::uuid, * FROM unnest($2::char(64)[], $3::text[], $4::text[])
           ON CONFLICT ("listId", pdq) DO NOTHING`,
          [listId, batch.map((b) => b.pdq), batch.map((b) => b.externalId), batch.map((b) => b.note)],
        );
        report.added += res.rowCount ?? 0;
        report.duplicates += batch.length - (res.rowCount ?? 0);
        batch = [];
      };
      for await (const item of items) {
        report.lines = item.line;
        if (!item.ok) {
          report.rejected++;
          if (report.rejectedLines.length < REJECTS_SHOWN) report.rejectedLines.push({ line: item.line, reason: item.reason });
          continue;
        }
        batch.push(item);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      await this.touch(client, listId, actor, 'hash_list.imported', { added: report.added, duplicates: report.duplicates, rejected: report.rejected });
      return report;
    });
  }

  /** Removes the given hashes from a list; the removal is in the audit log with the hashes removed. */
  async removeHashes(listId: string, pdqs: string[], actor: string): Promise<number> {
    return this.inTransaction(async (client) => {
      const res = await client.query(`DELETE FROM hash_list_entries WHERE "listId" = $1::uuid AND pdq = ANY($2::char(64)[]) RETURNING pdq`, [listId, pdqs]);
      await this.touch(client, listId, actor, 'hash_list.removed', { removed: res.rowCount ?? 0, hashes: res.rows.map((r: { pdq: string }) => r.pdq) });
      return res.rowCount ?? 0;
    });
  }

  /** A list's hashes in the order they were added, page by page (an export of any size in constant memory). */
  async *entries(listId: string, pageSize = 10_000): AsyncGenerator<ListedHashRecord> {
    // Through pg directly: a worker loads every enabled list at start, and through Prisma 1,000,000 rows
    // took 49 s (bench:pdq-lists, a loaded machine); through pg 3.5 s.
    let after = '0';
    for (;;) {
      // Ordered by the bigint column itself: ordered by its text ("10" before "9") the keyset skipped rows
      // past the first page, and every page sorted the whole rest of the list.
      const res = await this.pool.query<ListedHashRecord>(
        `SELECT id::text AS "hashId", pdq, "externalId", note FROM hash_list_entries WHERE "listId" = $1::uuid AND id > $2::bigint ORDER BY id LIMIT $3`,
        [listId, after, pageSize],
      );
      yield* res.rows;
      if (res.rows.length < pageSize) return;
      after = res.rows[res.rows.length - 1].hashId;
    }
  }

  /**
   * PDQ hashes of the images in findings a reviewer confirmed (a decided review item whose decision is
   * "confirm"), one per distinct hash, with the review item as its id: our own list, for sharing.
   * Hashes of quality under 50 are left out (too featureless to match, PDQ's reference says).
   */
  async *confirmedImages(pageSize = 10_000): AsyncGenerator<ListedHashRecord> {
    let after = '';
    for (;;) {
      const rows = await this.prisma.$queryRaw<Array<{ pdq: string; item: string; codes: string }>>`
        SELECT li.pdq, min(ri.id::text) AS item, string_agg(DISTINCT f.code, ' ' ORDER BY f.code) AS codes
        FROM review_items ri
        JOIN findings f ON f."scanId" = ri."scanId" AND f."imageId" IS NOT NULL
        JOIN listing_images li ON li.id = f."imageId"
        WHERE ri.status = 'decided' AND ri.decision->>'decision' = 'confirm'
          AND li.pdq IS NOT NULL AND li."pdqQuality" >= 50 AND li.pdq > ${after}
        GROUP BY li.pdq ORDER BY li.pdq LIMIT ${pageSize}`;
      for (const r of rows) yield { hashId: r.item, pdq: r.pdq, externalId: `review:${r.item}`, note: `confirmed: ${r.codes}` };
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].pdq;
    }
  }

  /** The enabled lists and their revisions: what a process's in-memory indexes are checked against. */
  async enabledRevisions(): Promise<Array<{ id: string; name: string; source: string; action: string; threshold: number; revision: number }>> {
    // Asked once per scan before its images are matched (bench:pdq-lists times it beside the lookup).
    return this.prisma.hashList.findMany({ where: { enabled: true }, select: { id: true, name: true, source: true, action: true, threshold: true, revision: true } });
  }

  private async touch(client: PoolClient, listId: string, actor: string, action: string, data: Record<string, unknown>): Promise<void> {
    await client.query(`UPDATE hash_lists SET revision = revision + 1, "updatedAt" = now() WHERE id = $1::uuid`, [listId]);
    await client.query(
      `INSERT INTO audit_events ("actorType", actor, action, "subjectType", "subjectId", data) VALUES ('key', $1, $2, 'hash_list', $3, $4::jsonb)`,
      [actor, action, listId, JSON.stringify(data)],
    );
  }

  private async inTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  private async counts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.hashListEntry.groupBy({ by: ['listId'], where: { listId: { in: ids } }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.listId, r._count._all]));
  }
}

function audit(actor: string, action: string, listId: string, data: Record<string, unknown>): AuditEntry {
  return { actorType: 'key', actor, action, listingId: null, subjectType: 'hash_list', subjectId: listId, reason: null, policyVersion: null, ruleId: null, shadow: false, data };
}

function view(
  r: { id: string; name: string; source: string; threshold: number; action: string; enabled: boolean; revision: number; createdBy: string; createdAt: Date; updatedAt: Date },
  hashes: number,
): HashListView {
  return { ...r, hashes, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}
