import { type DynamicModule, Module } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository';
import { ListingRepository } from './listing.repository';
import { AuditRepository } from './audit.repository';
import { NoticeRepository } from './notice.repository';
import { PolicyRepository } from './policy.repository';
import { ReviewRepository } from './review.repository';
import { ReviewStatsRepository } from './review-stats.repository';
import { PrismaService } from './prisma.service';
import { ScanRepository } from './scan.repository';
import { SqlPool } from './sql-pool.service';
import { WebhookSecretBox } from './webhook-secret-box';
import { BLOB_STORE, type BlobStore, PostgresBlobStore } from './evidence/blob-store';
import { EvidenceRepository } from './evidence/evidence.repository';
import { ReviewPreviewRepository } from './review-preview.repository';
import { HashListRepository } from './hash-list.repository';

export interface DataAccessOptions {
  databaseUrl: string;
  poolSize?: number;
  /** Seals webhook signing secrets at rest (both apps build it from WEBHOOK_SECRET_KEYS). */
  webhookSecretBox: WebhookSecretBox;
  /** Where evidence bytes go; default PostgreSQL (`blob_objects`). */
  blobStore?: (prisma: PrismaService) => BlobStore;
}

@Module({})
export class DataAccessModule {
  static forRoot(options: DataAccessOptions): DynamicModule {
    return {
      module: DataAccessModule,
      global: true,
      providers: [
        { provide: PrismaService, useFactory: () => new PrismaService(options.databaseUrl, options.poolSize) },
        { provide: SqlPool, useFactory: () => new SqlPool(options.databaseUrl, options.poolSize) },
        { provide: WebhookSecretBox, useValue: options.webhookSecretBox },
        { provide: BLOB_STORE, inject: [PrismaService], useFactory: (prisma: PrismaService) => (options.blobStore ?? ((p) => new PostgresBlobStore(p)))(prisma) },
        EvidenceRepository,
        ReviewPreviewRepository,
        HashListRepository,
        ListingRepository,
        ScanRepository,
        ApiKeyRepository,
        PolicyRepository,
        ReviewRepository,
        ReviewStatsRepository,
        NoticeRepository,
        AuditRepository,
      ],
      exports: [PrismaService, EvidenceRepository, ReviewPreviewRepository, HashListRepository, SqlPool, WebhookSecretBox, ListingRepository, ScanRepository, ApiKeyRepository, PolicyRepository, ReviewRepository, ReviewStatsRepository, NoticeRepository, AuditRepository],
    };
  }
}
