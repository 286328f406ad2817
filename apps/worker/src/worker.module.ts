import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { DataAccessModule } from '@listinglens/data-access';
import { QueueModule } from '@listinglens/queue';
import { createScanner, DEFAULT_SCANNER_OPTIONS, type Scanner } from '@listinglens/scanner';
import { parseAllowHosts } from '@listinglens/pipeline';
import { SCANNER, WORKER_CONFIG, workerConfig } from './config';
import { ReconcilerService } from './reconciler.service';
import { ScanJobService } from './scan-job.service';
import { ScanProcessor } from './scan.processor';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';

const config = workerConfig();

@Module({
  imports: [
    LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
    DataAccessModule.forRoot({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }),
    QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, role: 'worker' }),
    WebhooksWorkerModule,
  ],
  providers: [
    { provide: WORKER_CONFIG, useValue: config },
    {
      provide: SCANNER,
      useFactory: () =>
        createScanner({
          ...DEFAULT_SCANNER_OPTIONS,
          allowHosts: parseAllowHosts(config.IMAGE_FETCH_ALLOW_HOSTS),
          fetchTimeoutMs: config.IMAGE_FETCH_TIMEOUT_MS,
          maxImageBytes: config.IMAGE_MAX_BYTES,
          maxImagePixels: config.IMAGE_MAX_PIXELS,
        }),
    },
    ScanJobService,
    ScanProcessor,
    ReconcilerService,
  ],
})
export class WorkerModule implements OnModuleDestroy {
  constructor(@Inject(SCANNER) private readonly scanner: Scanner) {}

  async onModuleDestroy(): Promise<void> {
    await this.scanner.close();
  }
}
