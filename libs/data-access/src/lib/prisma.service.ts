import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { releasingPgAdapter } from './pg-transaction-release';

/** The one Prisma client of a process, tied to the Nest lifecycle. Talks through the pg adapter
 * (Prisma 6 JS engine, see prisma.config.ts), which returns a transaction's connection to the pool
 * even when its COMMIT or ROLLBACK fails (pg-transaction-release.ts). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(databaseUrl: string, poolSize = 10) {
    super({ adapter: releasingPgAdapter(new PrismaPg({ connectionString: databaseUrl, max: poolSize })) });
  }

  /** One round trip to PostgreSQL (readiness); rejects when it does not answer. */
  async ping(): Promise<void> {
    await this.$queryRaw`SELECT 1`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
