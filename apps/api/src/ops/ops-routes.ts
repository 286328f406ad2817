import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { QUEUES } from '@listinglens/contracts';
import { ApiKeyRepository, EvidenceRepository, ListingRepository, PrismaService } from '@listinglens/data-access';
import { adminOnly } from './admin-only';
import { queueDashboardGuard } from './queue-dashboard-guard';
import { QueueDashboardSessions } from './queue-dashboard-session';
import { createApiMetrics } from './api-metrics';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Operations routes on Fastify itself (not Nest controllers: one returns Prometheus text, the other a
 * whole UI from @bull-board): `GET /metrics` (admin or metrics keys; Prometheus scrapes with
 * `authorization: Bearer <metrics key>`) and the BullMQ dashboard at /admin/queues (admin keys, or the
 * browser session one mints: queue-dashboard-session.ts). Neither is in the
 * OpenAPI document: they are for operators, not integrators.
 */
export async function mountOpsRoutes(app: NestFastifyApplication): Promise<void> {
  const queues = Object.values(QUEUES).map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));
  const registry = createApiMetrics({ prisma: app.get(PrismaService), listings: app.get(ListingRepository), evidence: app.get(EvidenceRepository), queues });
  const keys = app.get(ApiKeyRepository);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', adminOnly(keys, 'metrics'));
    scope.get('/metrics', async (_request, reply) => reply.header('content-type', registry.contentType).send(await registry.metrics()));
  });

  const board = new BullBoardFastifyAdapter();
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter: board });
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  const sessions = new QueueDashboardSessions(keys, QUEUE_DASHBOARD_PATH);
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', queueDashboardGuard(keys, sessions, QUEUE_DASHBOARD_PATH));
    // A browser session for the dashboard, minted by an admin key (the guard let only a header through).
    scope.post(`${QUEUE_DASHBOARD_PATH}/session`, async (request, reply) => {
      const keyId = (request as typeof request & { dashboardKeyId?: string }).dashboardKeyId ?? '';
      return reply.send({ ...(await sessions.mint(request, reply, keyId)), url: `${QUEUE_DASHBOARD_PATH}/` });
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
