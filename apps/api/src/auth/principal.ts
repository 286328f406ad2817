import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiErrorCode, STAFF_SCOPES } from '@listinglens/contracts';
import type { ApiKeyPrincipal } from '@listinglens/data-access';
import { ApiError, NotFoundError } from '../common/api-error';

/** The API key behind the request (set by ApiKeyGuard). */
export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): ApiKeyPrincipal => {
  return ctx.switchToHttp().getRequest<{ principal: ApiKeyPrincipal }>().principal;
});

/** admin, review or read: sees every seller's data. */
export function isStaff(principal: ApiKeyPrincipal): boolean {
  return principal.scopes.some((s) => STAFF_SCOPES.includes(s));
}

/**
 * A seller-scoped key sees only its own seller's listings and notices. Anything else answers as if it
 * did not exist (404), so a key cannot probe other sellers' ids.
 */
export function assertMaySee(principal: ApiKeyPrincipal, sellerId: string, what: string, id: string): void {
  if (isStaff(principal)) return;
  if (principal.scopes.includes(`seller:${sellerId}`)) return;
  throw new NotFoundError(what, id);
}

/** Who an appeal is made by: the seller's own key, or an admin acting for that seller (recorded as such). */
export type AppealActor = 'seller' | 'admin-for-seller';

/**
 * Appeals belong to the seller. A `read` or `review` key used to be able to appeal any seller's notice
 * (202, a review item, an audit row naming the read key): staff keys are refused (403), other sellers'
 * keys see nothing (404, as for reading).
 */
export function appealActorOf(principal: ApiKeyPrincipal, sellerId: string, id: string): AppealActor {
  if (principal.scopes.includes(`seller:${sellerId}`)) return 'seller';
  if (principal.scopes.includes('admin')) return 'admin-for-seller';
  if (isStaff(principal)) throw new ApiError(403, ApiErrorCode.Forbidden, "only the seller's own key (or an admin acting for the seller) may appeal a notice");
  throw new NotFoundError('notice', id);
}
