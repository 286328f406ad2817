import { Inject, Injectable } from '@nestjs/common';
import { PolicyRepository, type PolicyRecord, ScanRepository, type ScanModeration } from '@listinglens/data-access';
import { DEFAULT_POLICY, evaluatePolicy, policyRulesSchema, type PolicyVersion } from '@listinglens/policy';
import type { AnalyzedImage } from '@listinglens/pipeline';
import type { Scanner } from '@listinglens/scanner';
import { SCANNER } from './config';
import { EvidenceKeeperService } from './evidence/evidence-keeper.service';
import { WorkerMetrics } from './metrics/worker-metrics';

/** How often a scan's write may find the listing's labels changed before the job fails (and BullMQ retries it). */
const LABEL_RACE_RETRIES = 5;

/** Runs one scan: claim it, scan its images, then write results and the policy's actions once. */
@Injectable()
export class ScanJobService {
  constructor(
    private readonly scans: ScanRepository,
    private readonly policies: PolicyRepository,
    @Inject(SCANNER) private readonly scanner: Scanner,
    private readonly metrics: WorkerMetrics,
    private readonly evidence: EvidenceKeeperService,
  ) {}

  async run(scanId: string): Promise<'completed' | 'skipped'> {
    const work = await this.scans.start(scanId);
    if (!work) {
      this.metrics.scanFinished('skipped');
      return 'skipped'; // finished already (a duplicate delivery) or deleted
    }
    const loaded = new Map<number, AnalyzedImage>();
    const outcome = await this.scanner.pipeline.scan(
      { ...work.listing, listingId: work.listingId, scanId },
      await this.evidence.sources(work.listingId, work.images),
      { loaded: (image) => loaded.set(image.position, image) },
    );
    this.metrics.stage('load', outcome.timings.loadMs);
    this.metrics.stage('detect', outcome.timings.detectMs);
    this.metrics.detectBreakdown(outcome.breakdown);
    const persistStarted = performance.now();
    const { live, shadow } = await this.policies.active(work.listing.marketplace);
    const policy = live ? toPolicyVersion(live) : DEFAULT_POLICY;
    const shadowPolicy = shadow ? toPolicyVersion(shadow) : null;
    const decide = (activeLabels: readonly string[]): ScanModeration => ({
      decidedFromLabels: activeLabels,
      effects: evaluatePolicy({
        policy,
        shadowPolicy,
        listing: { listingId: work.listingId, sellerId: work.listing.sellerId, title: work.listing.title, aiDisclosure: work.listing.aiDisclosure ?? null },
        scanId,
        findings: outcome.findings,
        activeLabels: [...activeLabels],
        now: new Date(),
      }),
    });
    // Decided here, from labels read outside the write's transaction; the repository re-reads them
    // under a lock and refuses the write if a reviewer or another scan changed them meanwhile.
    const first = decide(await this.scans.activeLabels(work.listingId));
    // Stored before the results that point at it (content-addressed: a retry stores nothing twice).
    const kept = await this.evidence.keep(outcome, loaded, first.effects.review !== null);
    let result = await this.scans.complete(scanId, outcome, first, kept);
    for (let retry = 1; result.status === 'labels_changed'; retry++) {
      // Each retry loses only to a label change committed in the moments between two transactions.
      if (retry > LABEL_RACE_RETRIES) throw new Error(`scan ${scanId}: the listing's labels kept changing while its results were written`);
      result = await this.scans.complete(scanId, outcome, decide(result.activeLabels), kept);
    }
    const written = result.status === 'written';
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
