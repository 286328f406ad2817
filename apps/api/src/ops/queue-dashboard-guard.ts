import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorCode } from '@listinglens/contracts';
import type { ApiKeyRepository } from '@listinglens/data-access';
import { adminFromHeader, deny } from './admin-only';
import { type QueueDashboardSessions, sameOriginRequest } from './queue-dashboard-session';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who may use the queue dashboard: an admin key in `Authorization` (scripts; a header is never sent by
 * another site, so it needs no CSRF check), or the dashboard's session cookie (browsers), which an
 * admin key minted (POST <path>/session). With the cookie, reads are allowed; changes (retry, remove,
 * clean, pause) only from the dashboard's own page (same origin).
 */
export function queueDashboardGuard(keys: ApiKeyRepository, sessions: QueueDashboardSessions, path: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.headers.authorization !== undefined) {
      const who = await adminFromHeader(keys, request);
      if ('status' in who) return void (await deny(request, reply, who.status, who.status === 401 ? ApiErrorCode.Unauthorized : ApiErrorCode.Forbidden, who.message));
      (request as FastifyRequest & { dashboardKeyId?: string }).dashboardKeyId = who.keyId;
      return;
    }
    const sessionRoute = request.url.split('?')[0] === `${path}/session`;
    if (sessionRoute || !(await sessions.valid(request))) {
      const message = `needs an admin key: "Authorization: Bearer <admin key>", or a dashboard session (POST ${path}/session with the key; the console's "Queues" link does it)`;
      return void (await deny(request, reply, 401, ApiErrorCode.Unauthorized, message));
    }
    if (!READS.has(request.method) && !sameOriginRequest(request)) {
      return void (await deny(request, reply, 403, ApiErrorCode.Forbidden, 'a change made with the dashboard session must come from the dashboard itself (same origin)'));
    }
  };
}
