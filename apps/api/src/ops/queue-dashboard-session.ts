import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyRepository } from '@listinglens/data-access';

export const QUEUE_SESSION_COOKIE = 'll_queues';
/** Long enough to look into a stuck queue, short enough that a forgotten tab does not stay signed in. */
export const QUEUE_SESSION_TTL_MS = 15 * 60_000;

/**
 * The queue dashboard (bull-board) in a browser: its page, assets and API calls cannot carry an
 * `Authorization` header, so an admin key mints a cookie for the dashboard's path only: HttpOnly (no
 * script reads it), SameSite=Strict (no other site's page sends it), 15 minutes. The value is
 * `<keyId>.<expiry>.<HMAC of both under the key's stored hash>`: no session store, valid in every api
 * process, and void as soon as the key is revoked or loses its admin scope.
 */
export class QueueDashboardSessions {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly path: string,
  ) {}

  async mint(request: FastifyRequest, reply: FastifyReply, keyId: string): Promise<{ expiresAt: string }> {
    const secret = await this.keys.adminSessionSecret(keyId);
    if (!secret) throw new Error('only an active admin key mints a dashboard session');
    const expires = Date.now() + QUEUE_SESSION_TTL_MS;
    const value = `${keyId}.${expires}.${sign(secret, keyId, expires)}`;
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header('set-cookie', `${QUEUE_SESSION_COOKIE}=${value}; Path=${this.path}; Max-Age=${QUEUE_SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Strict${secure}`);
    return { expiresAt: new Date(expires).toISOString() };
  }

  /** The request's session cookie is one an admin key still standing minted, and it has not expired. */
  async valid(request: FastifyRequest): Promise<boolean> {
    const value = cookieValue(request.headers.cookie, QUEUE_SESSION_COOKIE);
    const [keyId, expiresText, mac] = value?.split('.') ?? [];
    const expires = Number(expiresText);
    if (!keyId || !mac || !Number.isFinite(expires) || expires < Date.now()) return false;
    const secret = await this.keys.adminSessionSecret(keyId);
    if (!secret) return false;
    const expected = Buffer.from(sign(secret, keyId, expires));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/**
 * A state-changing request a cookie authenticates must come from the dashboard's own page: the browser
 * says so in Sec-Fetch-Site, or at least in Origin. SameSite=Strict already keeps other sites' requests
 * cookie-less; this is the second lock (and covers browsers without SameSite).
 */
export function sameOriginRequest(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  return origin !== undefined && origin === `${request.protocol}://${request.headers.host}`;
}

function sign(secret: string, keyId: string, expires: number): string {
  return createHmac('sha256', secret).update(`queues|${keyId}|${expires}`).digest('base64url');
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
