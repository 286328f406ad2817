import { Module } from '@nestjs/common';
import { TransparencyDbSubmissionRepository } from '@listinglens/data-access';
import { TransparencyDbClient } from './transparency-db-client';
import { TransparencyDbSubmitterService } from './transparency-db-submitter.service';

/** DSA art. 24(5): statements of reasons to the Commission's Transparency Database. TRANSPARENCY_DB_CONFIG comes from WorkerConfigModule. */
@Module({
  providers: [
    TransparencyDbSubmissionRepository,
    TransparencyDbClient,
    TransparencyDbSubmitterService,
  ],
})
export class TransparencyDbModule {}
