import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { policyGroundsSchema, reviewItemSchema, reviewOverviewSchema, reviewQueueSummarySchema } from '@listinglens/contracts';
import { type ApiKeyPrincipal, ReviewRepository, ReviewStatsRepository } from '@listinglens/data-access';
import { ApiError, NotFoundError } from '../common/api-error';
import { parseUuid } from '../common/uuid-param';
import { parseQuery, uuidParams } from '../common/zod-validation';
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
  async summary(@Query() query: unknown) {
    return this.stats.summary(parseQuery(reviewFilterQuery, query));
  }

  @Get('overview')
  @ApiRoute({
    summary: 'Queue depth, decisions per day, automated vs reviewer share of seller notices, median time to decision',
    query: overviewQuery,
    response: reviewOverviewSchema,
  })
  async overview(@Query() query: unknown) {
    return this.stats.overview(parseQuery(overviewQuery, query).days);
  }

  @Get('items/:id')
  @ApiRoute({ summary: 'One review item', params: itemParams, response: reviewItemSchema })
  async get(@Param('id') id: string) {
    const item = await this.items.get(parseUuid('id', id));
    if (!item) throw new NotFoundError('review item', id);
    return item;
  }

  @Post('items/:id/release')
  @HttpCode(204)
  @ApiRoute({ summary: 'Give back your claim (you left the item): it is open to others at once', params: itemParams, errors: { 409: 'conflict: this key holds no live claim on the item' } })
  async release(@Param('id') id: string, @Principal() who: ApiKeyPrincipal): Promise<void> {
    const itemId = parseUuid('id', id);
    if (await this.items.release(itemId, who.keyId)) return;
    if (!(await this.items.get(itemId))) throw new NotFoundError('review item', id);
    throw new ApiError(409, 'conflict', `review item ${id}: this key holds no live claim on it`);
  }

  @Get('items/:id/grounds')
  @ApiRoute({ summary: "The grounds the item's policy defines (a confirm must name one), and the ground of the rule that flagged it", params: itemParams, response: policyGroundsSchema })
  async itemGrounds(@Param('id') id: string) {
    const item = await this.items.get(parseUuid('id', id));
    if (!item) throw new NotFoundError('review item', id);
    return this.grounds.forItem(item.marketplace, item.ruleIds);
  }
}
