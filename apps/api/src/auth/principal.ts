import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyPrincipal } from '@listinglens/data-access';
import { NotFoundError } from '../common/api-error';

/** The API key behind the request (set by ApiKeyGuard). */
export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): ApiKeyPrincipal => {
  return ctx.switchToHttp().getRequest<{ principal: ApiKeyPrincipal }>().principal;
});

const STAFF = ['admin', 'review', 'read'];

/**
 * A seller-scoped key sees only its own seller's listings and notices. Anything else answers as if it
 * did not exist (404), so a key cannot probe other sellers' ids.
 */
export function assertMaySee(principal: ApiKeyPrincipal, sellerId: string, what: string, id: string): void {
  if (principal.scopes.some((s) => STAFF.includes(s))) return;
  if (principal.scopes.includes(`seller:${sellerId}`)) return;
  throw new NotFoundError(what, id);
}
