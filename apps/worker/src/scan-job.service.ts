import { Inject, Injectable } from '@nestjs/common';
import { PolicyRepository, type PolicyRecord, ScanRepository } from '@listinglens/data-access';
import { DEFAULT_POLICY, evaluatePolicy, policyRulesSchema, type PolicyVersion } from '@listinglens/policy';
import type { Scanner } from '@listinglens/scanner';
import { SCANNER } from './config';
import { WorkerMetrics } from './metrics/worker-metrics';

/** Runs one scan: claim it, scan its images, then write results and the policy's actions once. */
@Injectable()
export class ScanJobService {
  constructor(
    private readonly scans: ScanRepository,
    private readonly policies: PolicyRepository,
    @Inject(SCANNER) private readonly scanner: Scanner,
    private readonly metrics: WorkerMetrics,
  ) {}

  async run(scanId: string): Promise<'completed' | 'skipped'> {
    const work = await this.scans.start(scanId);
    if (!work) {
      this.metrics.scanFinished('skipped');
      return 'skipped'; // finished already (a duplicate delivery) or deleted
    }
    const outcome = await this.scanner.pipeline.scan({ ...work.listing, listingId: work.listingId, scanId }, work.images.map((i) => i.source));
    this.metrics.stage('load', outcome.timings.loadMs);
    this.metrics.stage('detect', outcome.timings.detectMs);
    this.metrics.detectBreakdown(outcome.breakdown);
    const persistStarted = performance.now();
    const { live, shadow } = await this.policies.active(work.listing.marketplace);
    const policy = live ? toPolicyVersion(live) : DEFAULT_POLICY;
    const written = await this.scans.complete(scanId, outcome, (activeLabels) =>
      evaluatePolicy({
        policy,
        shadowPolicy: shadow ? toPolicyVersion(shadow) : null,
        listing: { listingId: work.listingId, sellerId: work.listing.sellerId, title: work.listing.title, aiDisclosure: work.listing.aiDisclosure ?? null },
        scanId,
        findings: outcome.findings,
        activeLabels,
        now: new Date(),
      }),
    );
    this.metrics.stage('persist', performance.now() - persistStarted);
    this.metrics.scanFinished(written ? 'completed' : 'skipped');
    return written ? 'completed' : 'skipped';
  }

  async markFailed(scanId: string, message: string): Promise<void> {
    await this.scans.fail(scanId, 'scan.failed', message);
    this.metrics.scanFinished('failed');
  }
}

function toPolicyVersion(record: PolicyRecord): PolicyVersion {
  return { marketplace: record.marketplace, version: record.version, shadow: record.shadow, rules: policyRulesSchema.parse(record.rules) };
}
