import { type DynamicModule, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import { LoggerModule } from 'nestjs-pino';
import { DataAccessModule, HashListRepository, PgHashLists, PgPhashIndex, PrismaService } from '@listinglens/data-access';
import { QueueModule, redisOptions } from '@listinglens/queue';
import { createScanner, DEFAULT_SCANNER_OPTIONS, type Scanner } from '@listinglens/scanner';
import { parseAllowHosts } from '@listinglens/pipeline';
import { MemoryOcrCache, RedisOcrCache, TieredOcrCache } from '@listinglens/ocr';
import { Redis } from 'ioredis';
import { QUEUES } from '@listinglens/contracts';
import { SCANNER, WORKER_CONFIG, type WorkerConfig } from './config';
import { HeartbeatService } from './heartbeat.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { ReconcilerService } from './reconciler.service';
import { ScanJobService } from './scan-job.service';
import { EvidenceKeeperService } from './evidence/evidence-keeper.service';
import { EvidenceRetentionService } from './evidence/evidence-retention.service';
import { ScanProcessor, scanWorkerOptions } from './scan.processor';
import { withWorkerOptions } from './processor-options';
import { WorkerConfigModule } from './worker-config.module';
import { TransparencyDbModule } from './transparency-db/transparency-db.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';
import { WorkerMetricsModule } from './metrics/metrics-server';
import { WorkerMetrics } from './metrics/worker-metrics';

const OCR_REDIS = Symbol('OCR_REDIS');

/** The scanner the scan jobs use, built from the injected configuration. */
const SCANNER_PROVIDER = {
  provide: SCANNER,
  inject: [WORKER_CONFIG, OCR_REDIS, PrismaService, WorkerMetrics, HashListRepository],
  useFactory: (config: WorkerConfig, redis: Redis, prisma: PrismaService, metrics: WorkerMetrics, hashLists: HashListRepository) =>
    createScanner(
      {
        ...DEFAULT_SCANNER_OPTIONS,
        allowHosts: parseAllowHosts(config.IMAGE_FETCH_ALLOW_HOSTS),
        fetchTimeoutMs: config.IMAGE_FETCH_TIMEOUT_MS,
        maxImageBytes: config.IMAGE_MAX_BYTES,
        maxImagePixels: config.IMAGE_MAX_PIXELS,
        rasterBudgetBytes: config.RASTER_BUDGET_MB * 1024 * 1024,
        budgets: { stepMs: config.SCAN_STEP_BUDGET_MS, scanMs: config.SCAN_BUDGET_MS },
      },
      {
        phashIndex: new PgPhashIndex(prisma),
        // Each worker holds the enabled hash lists in memory, reloaded from PostgreSQL when one changes.
        hashLists: new PgHashLists(hashLists),
        ocr: config.OCR_ENABLED && { engine: config.OCR_ENGINE, profile: config.OCR_PROFILE, languages: config.OCR_LANGUAGES, poolSize: config.OCR_POOL_SIZE, timeoutMs: config.OCR_TIMEOUT_MS },
        // Shared by every worker: an image read once is never read again, here or elsewhere.
        ocrCache: metrics.countingOcrCache(
          new TieredOcrCache([new MemoryOcrCache(), new RedisOcrCache(redis, { keyPrefix: `${config.QUEUE_PREFIX}:ocr:` })]),
        ),
        ai: config,
      },
    ).then((scanner) => {
      metrics.watchOcrPools(() => scanner.ocrPoolUsage());
      return scanner;
    }),
};

/** The worker, given the configuration main.ts loaded once (nothing here reads the environment). */
@Module({})
export class WorkerModule implements OnModuleDestroy {
  constructor(
    @Inject(SCANNER) private readonly scanner: Scanner,
    @Inject(OCR_REDIS) private readonly redis: Redis,
    private readonly discovery: DiscoveryService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    // The root module's destroy hook runs first; @nestjs/bullmq closes its workers only at
    // onApplicationShutdown, after every module has closed Prisma and the scanner, so a job running at
    // SIGTERM would lose its database and OCR half-way. Close (drain) the BullMQ workers first.
    const hosts = this.discovery.getProviders().map((p) => p.instance).filter((i): i is WorkerHost => i instanceof WorkerHost);
    await Promise.all(hosts.map((h) => h.worker.close()));
    await this.scanner.close();
    this.redis.disconnect();
  }

  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DiscoveryModule,
        WorkerConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        DataAccessModule.forRoot({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, webhookSecretBox: config.webhookSecretBox }),
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, role: 'worker' }),
        WorkerMetricsModule,
        WebhooksWorkerModule.forRoot(config),
        TransparencyDbModule,
      ],
      providers: [
        { provide: OCR_REDIS, useFactory: () => new Redis(redisOptions(config.REDIS_URL, 'producer')) },
        SCANNER_PROVIDER,
        ScanJobService,
        EvidenceKeeperService,
        EvidenceRetentionService,
        { provide: ScanProcessor, useClass: withWorkerOptions(ScanProcessor, QUEUES.scan, scanWorkerOptions(config)) },
        ReconcilerService,
        MaintenanceProcessor,
        HeartbeatService,
      ],
    };
  }
}
