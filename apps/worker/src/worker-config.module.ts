import { type DynamicModule, Global, Module } from '@nestjs/common';
import { WORKER_CONFIG, type WorkerConfig } from './config';
import { TRANSPARENCY_DB_CONFIG } from './transparency-db/transparency-db-config';
import { WEBHOOKS_CONFIG } from './webhooks/webhooks-config';

/** The configuration main.ts loaded, under the worker's token and under each part's, for every module. */
@Global()
@Module({})
export class WorkerConfigModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    const tokens = [WORKER_CONFIG, WEBHOOKS_CONFIG, TRANSPARENCY_DB_CONFIG];
    return { module: WorkerConfigModule, providers: tokens.map((provide) => ({ provide, useValue: config })), exports: tokens };
  }
}
