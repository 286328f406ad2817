import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyPrincipal, ApiKeyRepository } from '@listinglens/data-access';
import { ApiErrorCode, type ApiScope, type ErrorBody } from '@listinglens/contracts';

/** An error in the api's shape, from a Fastify hook (outside Nest's filter). */
export function deny(request: FastifyRequest, reply: FastifyReply, status: number, code: ApiErrorCode, message: string): FastifyReply {
  const body: ErrorBody = { error: { code, message }, requestId: String(request.id) };
  return reply.status(status).header('x-request-id', String(request.id)).send(body);
}

/** The key in `Authorization: Bearer`, if it has the admin scope (or `also`); else the reason it is refused. */
export async function adminFromHeader(keys: ApiKeyRepository, request: FastifyRequest, also?: ApiScope): Promise<ApiKeyPrincipal | { status: 401 | 403; message: string }> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return { status: 401, message: 'missing "Authorization: Bearer <api key>" header' };
  const principal = await keys.findActive(match[1]);
  if (!principal) return { status: 401, message: 'unknown or revoked API key' };
  if (principal.scopes.includes('admin') || (also && principal.scopes.includes(also))) return principal;
  return { status: 403, message: `this route needs a key with the admin${also ? ` or ${also}` : ''} scope` };
}

/**
 * An onRequest hook for routes mounted on Fastify directly (metrics, the queue dashboard), outside Nest's
 * guard: a key with the admin scope (or `also`, e.g. `metrics` on /metrics), else 401/403 in the api's
 * error shape. Not cached: these are rare.
 */
export function adminOnly(keys: ApiKeyRepository, also?: ApiScope) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const who = await adminFromHeader(keys, request, also);
    if ('status' in who) await deny(request, reply, who.status, who.status === 401 ? ApiErrorCode.Unauthorized : ApiErrorCode.Forbidden, who.message);
  };
}
