import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { SEVERITIES } from '@listinglens/contracts';
import { type ApiKeyPrincipal, ReviewRepository } from '@listinglens/data-access';
import { reviewDecisionSchema } from '@listinglens/policy';
import { mapConflicts } from '../common/conflict';
import { parseUuid } from '../common/uuid-param';
import { parseBody } from '../common/zod-validation';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';
import { ReviewDecisionService } from './review-decision.service';

const listQuery = z
  .object({
    status: z.enum(['open', 'claimed', 'escalated', 'decided']).optional(),
    code: z.string().optional(),
    severity: z.enum(SEVERITIES).optional(),
    marketplace: z.string().optional(),
    appeal: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const claimBody = z.object({ leaseSeconds: z.number().int().min(1).max(3600).default(600) }).strict();
const bulkBody = z
  .object({ decisions: z.array(z.object({ itemId: z.uuid() }).and(reviewDecisionSchema)).min(1).max(500, 'at most 500 decisions at once') })
  .strict();

@ApiTags('review')
@ApiBearerAuth()
@RequireScopes('review')
@Controller('v1/review')
export class ReviewController {
  constructor(
    private readonly items: ReviewRepository,
    private readonly decisions: ReviewDecisionService,
  ) {}

  @Get('items')
  @ApiOperation({ summary: 'Flagged listings, highest severity first, then oldest; filter by status, code, severity, marketplace, appeal' })
  async list(@Query() query: unknown) {
    const q = parseBody(listQuery, query ?? {});
    const { cursor, limit, ...filters } = q;
    return this.items.list(filters, cursor, limit);
  }

  @Post('items/:id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim an item for a lease (default 10 min); expired claims can be taken over' })
  async claim(@Param('id') id: string, @Body() body: unknown, @Principal() who: ApiKeyPrincipal) {
    const { leaseSeconds } = parseBody(claimBody, body ?? {});
    return mapConflicts('review item', id, () => this.items.claim(parseUuid('id', id), who.keyId, leaseSeconds * 1000));
  }

  @Post('items/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide a claimed item: confirm (with ground), dismiss, escalate or relabel; a note is required' })
  async decide(@Param('id') id: string, @Body() body: unknown, @Principal() who: ApiKeyPrincipal) {
    return this.decisions.decide(parseUuid('id', id), parseBody(reviewDecisionSchema, body), who.keyId);
  }

  @Post('decisions/bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Up to 500 decisions; each item is claimed and decided on its own, results per item' })
  async bulk(@Body() body: unknown, @Principal() who: ApiKeyPrincipal) {
    const { decisions } = parseBody(bulkBody, body);
    return { results: await this.decisions.bulk(decisions, who.keyId) };
  }
}
