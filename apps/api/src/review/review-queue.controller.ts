import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiErrorCode, policyGroundsSchema, reviewItemSchema, reviewOverviewSchema, reviewQueueSummarySchema } from '@listinglens/contracts';
import { type ApiKeyPrincipal, ReviewRepository, ReviewStatsRepository } from '@listinglens/data-access';
import { ApiError, NotFoundError } from '../common/api-error';
import { UuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';
import { PolicyGroundsService } from './policy-grounds.service';
import { reviewFilterQuery } from './review-filter.query';

const overviewQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(14) }).strict();
const itemParams = uuidParams('id');

/** What a reviewer's screen needs around the queue: counts, one item, leaving it, the grounds to confirm on. */
@ApiTag('review')
@RequireScopes('review')
@Controller('v1/review')
export class ReviewQueueController {
  constructor(
    private readonly items: ReviewRepository,
    private readonly stats: ReviewStatsRepository,
    private readonly grounds: PolicyGroundsService,
  ) {}

  @Get('summary')
  @ApiRoute({ summary: 'How many items match the filters, and when the oldest of them entered the queue', query: reviewFilterQuery, response: reviewQueueSummarySchema })
  async summary(@Query(new ZodPipe(reviewFilterQuery)) query: z.output<typeof reviewFilterQuery>) {
    return this.stats.summary(query);
  }

  @Get('overview')
  @ApiRoute({
    summary: 'Queue depth, decisions per day, automated vs reviewer share of seller notices, median time to decision',
    query: overviewQuery,
    response: reviewOverviewSchema,
  })
  async overview(@Query(new ZodPipe(overviewQuery)) query: z.output<typeof overviewQuery>) {
    return this.stats.overview(query.days);
  }

  @Get('items/:id')
  @ApiRoute({ summary: 'One review item', params: itemParams, response: reviewItemSchema })
  async get(@UuidParam('id') id: string) {
    const item = await this.items.get(id);
    if (!item) throw new NotFoundError('review item', id);
    return item;
  }

  @Post('items/:id/release')
  @HttpCode(204)
  @ApiRoute({ summary: 'Give back your claim (you left the item): it is open to others at once', params: itemParams, errors: { 409: { code: ApiErrorCode.Conflict, when: 'this key holds no live claim on the item' } } })
  async release(@UuidParam('id') id: string, @Principal() who: ApiKeyPrincipal): Promise<void> {
    if (await this.items.release(id, who.keyId)) return;
    if (!(await this.items.get(id))) throw new NotFoundError('review item', id);
    throw new ApiError(409, ApiErrorCode.Conflict, `review item ${id}: this key holds no live claim on it`);
  }

  @Get('items/:id/grounds')
  @ApiRoute({ summary: "The grounds the item's policy defines (a confirm must name one), and the ground of the rule that flagged it", params: itemParams, response: policyGroundsSchema })
  async itemGrounds(@UuidParam('id') id: string) {
    const item = await this.items.get(id);
    if (!item) throw new NotFoundError('review item', id);
    return this.grounds.forItem(item.marketplace, item.ruleIds);
  }
}
