import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';

/**
 * A plain pg pool for the one hot path where Prisma's per-query overhead is the bottleneck: ingest
 * (measured on 2 cores: the same statement ran 658/s through $queryRaw and 1,754/s through pg).
 * Everything else goes through PrismaService.
 *
 * Its statements are named, so each connection caches one generic plan per statement. Planned while the
 * tables are small and without statistics (a young database, or autovacuum off, as on our CI machine),
 * that plan reads listings by seq scan, and it stays cached as the table grows: single-listing ingest
 * fell from ~2,000 to ~200 listings/s after 70,000 inserts. Every statement here is a lookup by a
 * unique key, so seq scans are ruled out for this pool's sessions.
 */
@Injectable()
export class SqlPool extends Pool implements OnModuleDestroy {
  constructor(databaseUrl: string, size = 10) {
    super({ connectionString: databaseUrl, max: size, options: '-c enable_seqscan=off' });
  }

  async onModuleDestroy(): Promise<void> {
    await this.end();
  }
}
