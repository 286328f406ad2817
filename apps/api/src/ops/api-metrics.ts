import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Queue } from 'bullmq';
import type { EvidenceRepository, ListingRepository, PrismaService } from '@listinglens/data-access';

/**
 * The api's Prometheus metrics. Scans by status and the queues are read at scrape time from
 * PostgreSQL and Redis, so every api process reports the same truth whichever workers did the work.
 */
export function createApiMetrics(deps: { prisma: PrismaService; listings: ListingRepository; evidence: EvidenceRepository; queues: Queue[] }): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'listinglens_api_' });

  const groups = new Histogram({
    name: 'listinglens_ingest_group_size',
    help: 'Listings written by one ingest statement (concurrent POSTs share one; see IngestBatcher)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 200],
    registers: [registry],
  });
  deps.listings.observeIngestGroups((size) => groups.observe(size));

  new Gauge({
    name: 'listinglens_scans',
    help: 'Scans by status (all of them, from PostgreSQL)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await deps.prisma.$queryRaw<Array<{ status: string; n: bigint }>>`SELECT status::text AS status, count(*) AS n FROM scans GROUP BY status`;
      this.reset();
      for (const status of ['queued', 'running', 'completed', 'failed']) this.set({ status }, 0);
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });

  new Gauge({
    name: 'listinglens_queue_jobs',
    help: 'BullMQ jobs by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const queue of deps.queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: queue.name, state }, n);
      }
    },
  });

  new Gauge({
    name: 'listinglens_queue_oldest_waiting_seconds',
    help: 'Age of the oldest waiting job per queue (0 when none waits)',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      for (const queue of deps.queues) {
        // getWaiting lists oldest first.
        const [oldest] = await queue.getWaiting(0, 0);
        this.set({ queue: queue.name }, oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0);
      }
    },
  });
  // Counted in PostgreSQL at scrape (a sum over the catalogue, one row per distinct image).
  new Gauge({
    name: 'listinglens_evidence_blobs',
    help: 'Distinct images kept as evidence (content-addressed: a photo in many listings counts once)',
    registers: [registry],
    async collect() {
      this.set((await deps.evidence.totals()).blobs);
    },
  });
  new Gauge({
    name: 'listinglens_evidence_bytes',
    help: 'Bytes of evidence stored: the scanned images plus their thumbnails and PNG renderings',
    registers: [registry],
    async collect() {
      this.set((await deps.evidence.totals()).bytes);
    },
  });
  return registry;
}
