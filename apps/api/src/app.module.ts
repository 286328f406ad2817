import { type DynamicModule, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { ApiKeyRepository, DataAccessModule, TransparencyDbSubmissionRepository } from '@listinglens/data-access';
import { QueueModule } from '@listinglens/queue';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ErrorFilter } from './common/error.filter';
import { WellFormedTextPipe } from './common/well-formed-text.pipe';
import { createApiLogger } from './common/request-logging';
import { API_CONFIG, type ApiConfig } from './config';
import { HealthController } from './health/health.controller';
import { HashListsController } from './hash-lists/hash-lists.controller';
import { IngestService } from './listings/ingest.service';
import { ListingsController } from './listings/listings.controller';
import { WebhooksApiModule } from './webhooks/webhooks-api.module';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuditController } from './audit/audit.controller';
import { NoticesController } from './notices/notices.controller';
import { PoliciesController } from './policies/policies.controller';
import { ReviewDecisionService } from './review/review-decision.service';
import { ReviewController } from './review/review.controller';
import { ReviewQueueController } from './review/review-queue.controller';
import { PolicyGroundsService } from './review/policy-grounds.service';
import { MeController } from './me/me.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { TransparencyDbController } from './transparency-db/transparency-db.controller';

/** Ensures the admin key from BOOTSTRAP_ADMIN_KEY exists (only its hash is stored). */
@Injectable()
class BootstrapAdminKey implements OnApplicationBootstrap {
  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.BOOTSTRAP_ADMIN_KEY) await this.keys.ensure('bootstrap-admin', this.config.BOOTSTRAP_ADMIN_KEY, ['admin']);
  }
}

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig, logger: Logger = createApiLogger(config)): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // Request lines come from Fastify (ApiLogController); nestjs-pino only backs Nest's Logger, so it
        // is given the api's logger and no routes to put its middleware on.
        LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] }),
        DataAccessModule.forRoot({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, webhookSecretBox: config.webhookSecretBox }),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, role: 'producer' }),
        WebhooksApiModule.forConfig(config),
      ],
      controllers: [
        ListingsController,
        HealthController,
        ReviewController,
        NoticesController,
        AuditController,
        PoliciesController,
        ApiKeysController,
        // The console's extra reads: listed last so the committed document's order stays stable.
        EvidenceController,
        ReviewQueueController,
        MeController,
        TransparencyDbController,
        HashListsController,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        ApiKeyGuard,
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_PIPE, useClass: WellFormedTextPipe },
        IngestService,
        ReviewDecisionService,
        PolicyGroundsService,
        BootstrapAdminKey,
        TransparencyDbSubmissionRepository,
      ],
    };
  }
}
