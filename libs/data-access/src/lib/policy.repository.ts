import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { appendAudit } from './moderation-writes';
import { PrismaService } from './prisma.service';

export interface PolicyRecord {
  marketplace: string;
  version: number;
  shadow: boolean;
  /** Validated by the policy schema when written; callers parse it again before use. */
  rules: unknown;
  createdBy: string;
  createdAt: string;
}

/** Stored policy versions. The committed default (version 0) lives in code (libs/policy). */
@Injectable()
export class PolicyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The live policy for a marketplace (its own, else the "*" one; null = the committed default) and
   * the newest shadow version, if it is newer than the live one. */
  async active(marketplace: string): Promise<{ live: PolicyRecord | null; shadow: PolicyRecord | null }> {
    const rows = await this.prisma.policy.findMany({
      where: { marketplace: { in: [marketplace, '*'] } },
      orderBy: { version: 'desc' },
    });
    const live = rows.find((r) => !r.shadow && r.marketplace === marketplace) ?? rows.find((r) => !r.shadow && r.marketplace === '*') ?? null;
    const shadow = rows.find((r) => r.shadow && r.marketplace === marketplace && r.version > (live?.marketplace === marketplace ? live.version : 0)) ?? null;
    return { live: live && toRecord(live), shadow: shadow && toRecord(shadow) };
  }

  async list(marketplace?: string): Promise<PolicyRecord[]> {
    const rows = await this.prisma.policy.findMany({
      where: marketplace ? { marketplace } : {},
      orderBy: [{ marketplace: 'asc' }, { version: 'desc' }],
    });
    return rows.map(toRecord);
  }

  /** A new version (previous + 1, per marketplace); recorded in the audit log. */
  async create(input: { marketplace: string; rules: unknown; shadow: boolean; createdBy: string }): Promise<PolicyRecord> {
    return this.prisma.$transaction(async (tx) => {
      // Serialise versions per marketplace without a table lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`policy:${input.marketplace}`}))`;
      const latest = await tx.policy.findFirst({ where: { marketplace: input.marketplace }, orderBy: { version: 'desc' } });
      const row = await tx.policy.create({
        data: { ...input, rules: input.rules as Prisma.InputJsonValue, version: (latest?.version ?? 0) + 1 },
      });
      await appendAudit(tx, [
        {
          actorType: 'key',
          actor: input.createdBy,
          action: input.shadow ? 'policy.shadow_created' : 'policy.created',
          listingId: null,
          subjectType: 'policy',
          subjectId: row.id,
          reason: null,
          policyVersion: row.version,
          ruleId: null,
          shadow: input.shadow,
          data: { marketplace: row.marketplace },
        },
      ]);
      return toRecord(row);
    });
  }
}

function toRecord(row: { marketplace: string; version: number; shadow: boolean; rules: unknown; createdBy: string; createdAt: Date }): PolicyRecord {
  return { marketplace: row.marketplace, version: row.version, shadow: row.shadow, rules: row.rules, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() };
}
