import { Inject, Injectable } from '@nestjs/common';
import { ScanRepository } from '@listinglens/data-access';
import type { Scanner } from '@listinglens/scanner';
import { SCANNER } from './config';

/** Runs one scan: claim it, scan its images, write the results once. */
@Injectable()
export class ScanJobService {
  constructor(
    private readonly scans: ScanRepository,
    @Inject(SCANNER) private readonly scanner: Scanner,
  ) {}

  async run(scanId: string): Promise<'completed' | 'skipped'> {
    const work = await this.scans.start(scanId);
    if (!work) return 'skipped'; // finished already (a duplicate delivery) or deleted
    const outcome = await this.scanner.pipeline.scan({ ...work.listing, listingId: work.listingId }, work.images.map((i) => i.source));
    const written = await this.scans.complete(scanId, outcome);
    return written ? 'completed' : 'skipped';
  }

  async markFailed(scanId: string, message: string): Promise<void> {
    await this.scans.fail(scanId, 'scan.failed', message);
  }
}
