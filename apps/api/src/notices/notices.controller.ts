import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { appealResultSchema, noticePageSchema, noticeSchema } from '@listinglens/contracts';
import { type ApiKeyPrincipal, NoticeRepository } from '@listinglens/data-access';
import { NotFoundError } from '../common/api-error';
import { mapConflicts } from '../common/conflict';
import { parseUuid } from '../common/uuid-param';
import { parseBody, parseQuery, uuidParams } from '../common/zod-validation';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { appealActorOf, assertMaySee, Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';

const listQuery = z
  .object({ cursor: z.string().optional().meta({ description: 'nextCursor of the previous page' }), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();
const staffListQuery = listQuery
  .extend({
    listingId: z.guid().optional().meta({ description: "only this listing's notices" }),
    appealed: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .meta({ description: 'only appealed notices (true) or only unappealed ones (false)' }),
  })
  .strict();
const getQuery = z.object({ lang: z.enum(['en', 'zh']).optional().meta({ description: 'adds `text`: the notice in this language' }) }).strict();
const noticeParams = uuidParams('id');
const appealBody = z.object({ reason: z.string().trim().min(1, 'say why you disagree').max(4000) }).strict();

/** Seller notices (DSA art. 17 statements of reasons): a seller key reads and appeals only its own. */
@ApiTag('notices')
@RequireScopes('read', 'review', 'seller:*')
@Controller('v1')
export class NoticesController {
  constructor(private readonly notices: NoticeRepository) {}

  @Get('sellers/:sellerId/notices')
  @ApiRoute({ summary: "A seller's notices, newest first (cursor-paged)", query: listQuery, response: noticePageSchema })
  async list(@Param('sellerId') sellerId: string, @Query() query: unknown, @Principal() who: ApiKeyPrincipal) {
    assertMaySee(who, sellerId, 'seller', sellerId);
    const { cursor, limit } = parseQuery(listQuery, query);
    return this.notices.listBySeller(sellerId, cursor, limit);
  }

  @Get('notices')
  @RequireScopes('read', 'review')
  @ApiRoute({ summary: "Every seller's notices, newest first (cursor-paged): staff only; filter by listing or appealed", query: staffListQuery, response: noticePageSchema })
  async listAll(@Query() query: unknown) {
    const { cursor, limit, ...filter } = parseQuery(staffListQuery, query);
    return this.notices.list(filter, cursor, limit);
  }

  @Get('notices/:id')
  @ApiRoute({
    summary: 'One notice: the statement of reasons (DSA Transparency Database fields) and its en/zh text',
    params: noticeParams,
    query: getQuery,
    response: noticeSchema,
  })
  async get(@Param('id') id: string, @Query() query: unknown, @Principal() who: ApiKeyPrincipal) {
    const { lang } = parseQuery(getQuery, query);
    const notice = await this.notices.get(parseUuid('id', id));
    if (!notice) throw new NotFoundError('notice', id);
    assertMaySee(who, notice.sellerId, 'notice', id);
    return lang ? { ...notice, text: notice.rendered[lang] } : notice;
  }

  @Post('notices/:id/appeal')
  @HttpCode(202)
  @ApiRoute({
    summary: 'Appeal a notice: the listing goes back to review as an appeal; its outcome is a new notice',
    params: noticeParams,
    body: appealBody,
    response: appealResultSchema,
    errors: { 409: 'conflict: the notice was appealed already' },
  })
  async appeal(@Param('id') id: string, @Body() body: unknown, @Principal() who: ApiKeyPrincipal) {
    const notice = await this.notices.get(parseUuid('id', id));
    if (!notice) throw new NotFoundError('notice', id);
    const actingAs = appealActorOf(who, notice.sellerId, id);
    const { reason } = parseBody(appealBody, body);
    return mapConflicts('notice', id, () => this.notices.appeal(id, { keyId: who.keyId, actingAs }, reason));
  }
}
