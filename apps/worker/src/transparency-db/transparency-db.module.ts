import { Module } from '@nestjs/common';
import { TransparencyDbSubmissionRepository } from '@listinglens/data-access';
import { TransparencyDbClient } from './transparency-db-client';
import { TRANSPARENCY_DB_CONFIG, transparencyDbConfig } from './transparency-db-config';
import { TransparencyDbSubmitterService } from './transparency-db-submitter.service';

/** DSA art. 24(5): statements of reasons to the Commission's Transparency Database. */
@Module({
  providers: [
    { provide: TRANSPARENCY_DB_CONFIG, useFactory: () => transparencyDbConfig() },
    TransparencyDbSubmissionRepository,
    TransparencyDbClient,
    TransparencyDbSubmitterService,
  ],
})
export class TransparencyDbModule {}
