import type { Severity } from '@listinglens/contracts';
import type { Prisma } from '../generated/prisma/client';

export interface ReviewFilters {
  status?: 'open' | 'claimed' | 'escalated' | 'decided';
  code?: string;
  severity?: Severity;
  marketplace?: string;
  appeal?: boolean;
}

/** The queue's filters as a where clause; shared by the page, its counts and its oldest age so they agree. */
export function reviewWhere(filters: ReviewFilters, now: Date): Prisma.ReviewItemWhereInput[] {
  const where: Prisma.ReviewItemWhereInput[] = [];
  // A claim whose lease ran out reads as open again.
  if (filters.status === 'open') where.push({ OR: [{ status: 'open' }, { status: 'claimed', leaseUntil: { lt: now } }] });
  else if (filters.status === 'claimed') where.push({ status: 'claimed', leaseUntil: { gte: now } });
  else if (filters.status) where.push({ status: filters.status });
  else where.push({ status: { not: 'decided' } });
  if (filters.code) where.push({ codes: { has: filters.code } });
  if (filters.severity) where.push({ severity: filters.severity });
  if (filters.marketplace) where.push({ marketplace: filters.marketplace });
  if (filters.appeal !== undefined) where.push({ isAppeal: filters.appeal });
  return where;
}
