import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiErrorCode } from '@listinglens/contracts';
import { type ApiKeyPrincipal, ApiKeyRepository } from '@listinglens/data-access';
import { ApiError } from '../common/api-error';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from './scopes.decorator';

const CACHE_MS = 10_000;

/** `Authorization: Bearer <key>` on every route not marked @Public(). Lookups are cached briefly
 * (a revoked key stops working within CACHE_MS) so ingest is not one extra query per request. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { principal: ApiKeyPrincipal | null; until: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: ApiKeyPrincipal }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new ApiError(401, ApiErrorCode.Unauthorized, 'missing "Authorization: Bearer <api key>" header');
    const principal = await this.lookup(match[1]);
    if (!principal) throw new ApiError(401, ApiErrorCode.Unauthorized, 'unknown or revoked API key');
    // A metrics key is for Prometheus: GET /metrics (outside Nest) and nothing here, not even /v1/me.
    if (principal.scopes.length > 0 && principal.scopes.every((s) => s === 'metrics')) throw new ApiError(403, ApiErrorCode.Forbidden, 'a metrics key reads GET /metrics and nothing else');
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_SCOPES, targets) ?? [];
    const granted = principal.scopes.includes('admin') || required.length === 0 || required.some((s) => hasScope(principal.scopes, s));
    if (!granted) throw new ApiError(403, ApiErrorCode.Forbidden, `this key lacks a required scope (one of: ${required.join(', ')})`);
    request.principal = principal;
    return true;
  }

  /** Revocation takes effect at once in this process (other api processes: within CACHE_MS). */
  forget(): void {
    this.cache.clear();
  }

  private async lookup(key: string): Promise<ApiKeyPrincipal | null> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.principal;
    const principal = await this.keys.findActive(key);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { principal, until: now + CACHE_MS });
    return principal;
  }
}

/** "seller:*" in a route's requirement accepts any seller-scoped key; the route then checks ownership. */
function hasScope(scopes: string[], required: string): boolean {
  return required === 'seller:*' ? scopes.some((s) => s.startsWith('seller:')) : scopes.includes(required);
}
