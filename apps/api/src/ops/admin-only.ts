import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyRepository } from '@listinglens/data-access';
import { ApiErrorCode, type ApiScope, type ErrorBody } from '@listinglens/contracts';

/**
 * An onRequest hook for routes mounted on Fastify directly (metrics, the queue dashboard), outside Nest's
 * guard: a key with the admin scope (or `also`, e.g. `metrics` on /metrics), else 401/403 in the api's
 * error shape. Not cached: these are rare.
 */
export function adminOnly(keys: ApiKeyRepository, also?: ApiScope) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const deny = (status: number, code: ApiErrorCode, message: string) => {
      const body: ErrorBody = { error: { code, message }, requestId: String(request.id) };
      return reply.status(status).header('x-request-id', String(request.id)).send(body);
    };
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) return deny(401, ApiErrorCode.Unauthorized, 'missing "Authorization: Bearer <api key>" header');
    const principal = await keys.findActive(match[1]);
    if (!principal) return deny(401, ApiErrorCode.Unauthorized, 'unknown or revoked API key');
    if (principal.scopes.includes('admin') || (also && principal.scopes.includes(also))) return;
    return deny(403, ApiErrorCode.Forbidden, `this route needs a key with the admin${also ? ` or ${also}` : ''} scope`);
  };
}
