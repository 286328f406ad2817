import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiErrorCode, bulkDecisionResultSchema, decisionPreviewSchema, reviewDecisionResultSchema, reviewItemPageSchema, reviewItemSchema } from '@listinglens/contracts';
import { type ApiKeyPrincipal, ReviewPreviewRepository, ReviewRepository, reviewCursorSchema } from '@listinglens/data-access';
import { type ReviewDecision, reviewDecisionSchema } from '@listinglens/policy';
import { reviewDecisionInput } from '../openapi/request-schemas';
import { mapConflicts } from '../common/conflict';
import { UuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';
import { cursorQuery } from '../common/cursor-query';
import { ReviewDecisionService } from './review-decision.service';
import { reviewFilterShape } from './review-filter.query';

const listQuery = z
  .object({
    ...reviewFilterShape,
    cursor: cursorQuery(reviewCursorSchema),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const claimBody = z.object({ leaseSeconds: z.number().int().min(1).max(3600).default(600) }).strict();
// safeExtend keeps the decision's strictness and its refinement, and documents one object; an
// intersection (`.and`) documented as allOf of two closed objects that no item could satisfy.
const bulkBody = z
  .object({ decisions: z.array(reviewDecisionSchema.safeExtend({ itemId: z.uuid() })).min(1).max(500, 'at most 500 decisions at once') })
  .strict();
const itemParams = uuidParams('id');
const CLAIM_CONFLICT = { 409: { code: ApiErrorCode.Conflict, when: 'the item is decided, or claimed by another reviewer until its lease ends' } };

@ApiTag('review')
@RequireScopes('review')
@Controller('v1/review')
export class ReviewController {
  constructor(
    private readonly items: ReviewRepository,
    private readonly decisions: ReviewDecisionService,
    private readonly previews: ReviewPreviewRepository,
  ) {}

  @Get('items')
  @ApiRoute({
    summary: 'Flagged listings, highest severity first, then oldest; filter by status, code, severity, marketplace, appeal',
    query: listQuery,
    response: reviewItemPageSchema,
  })
  async list(@Query(new ZodPipe(listQuery)) query: z.output<typeof listQuery>) {
    const { cursor, limit, ...filters } = query;
    const page = await this.items.list(filters, cursor, limit);
    const previews = await this.previews.of(page.items);
    return { ...page, items: page.items.map((item) => ({ ...item, preview: previews.get(item.id) ?? null })) };
  }

  @Post('items/:id/claim')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Claim an item for a lease (default 10 min); expired claims can be taken over',
    params: itemParams,
    body: claimBody,
    bodyOptional: true,
    response: reviewItemSchema,
    errors: CLAIM_CONFLICT,
  })
  async claim(@UuidParam('id') id: string, @Body(new ZodPipe(claimBody, { optional: true })) body: z.output<typeof claimBody>, @Principal() who: ApiKeyPrincipal) {
    return mapConflicts('review item', id, () => this.items.claim(id, who.keyId, body.leaseSeconds * 1000));
  }

  @Post('items/:id/decision')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Decide a claimed item: confirm (with ground), dismiss, escalate or relabel; a note is required',
    params: itemParams,
    body: reviewDecisionInput,
    response: reviewDecisionResultSchema,
    errors: { 409: { code: ApiErrorCode.Conflict, when: 'the item is decided, or this key holds no live claim on it' } },
  })
  async decide(@UuidParam('id') id: string, @Body(new ZodPipe(reviewDecisionInput)) body: ReviewDecision, @Principal() who: ApiKeyPrincipal) {
    return this.decisions.decide(id, body, who.keyId);
  }

  @Post('items/:id/decision-preview')
  @HttpCode(200)
  @ApiRoute({
    summary: 'What a decision would send, written nowhere: each notice and, for restrictions, the statement the public Transparency Database gets (personal data masked)',
    params: itemParams,
    body: reviewDecisionInput,
    response: decisionPreviewSchema,
  })
  async preview(@UuidParam('id') id: string, @Body(new ZodPipe(reviewDecisionInput)) body: ReviewDecision, @Principal() who: ApiKeyPrincipal) {
    return this.decisions.preview(id, body, who.keyId);
  }

  @Post('decisions/bulk')
  @HttpCode(200)
  @ApiRoute({ summary: 'Up to 500 decisions; each item is claimed and decided on its own, results per item', body: bulkBody, response: bulkDecisionResultSchema })
  async bulk(@Body(new ZodPipe(bulkBody)) body: z.output<typeof bulkBody>, @Principal() who: ApiKeyPrincipal) {
    return { results: await this.decisions.bulk(body.decisions, who.keyId) };
  }
}
