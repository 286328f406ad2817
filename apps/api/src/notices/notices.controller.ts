import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiErrorCode, appealResultSchema, noticePageSchema, noticeSchema } from '@listinglens/contracts';
import { type ApiKeyPrincipal, NoticeRepository, type NoticeView } from '@listinglens/data-access';
import { withAppealText } from '@listinglens/policy';
import { API_CONFIG, type ApiConfig } from '../config';
import { NotFoundError } from '../common/api-error';
import { mapConflicts } from '../common/conflict';
import { UuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
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
  constructor(
    private readonly notices: NoticeRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** The stored text with the marketplace's appeal sentence filled in (policy's appeal-text.ts). */
  private served(notice: NoticeView): NoticeView {
    const fill = (lang: 'en' | 'zh') => withAppealText(notice.rendered[lang], lang, notice, this.config.NOTICE_APPEAL_URL);
    return { ...notice, rendered: { en: fill('en'), zh: fill('zh') } };
  }

  @Get('sellers/:sellerId/notices')
  @ApiRoute({ summary: "A seller's notices, newest first (cursor-paged)", query: listQuery, response: noticePageSchema })
  async list(@Param('sellerId') sellerId: string, @Query(new ZodPipe(listQuery)) { cursor, limit }: z.output<typeof listQuery>, @Principal() who: ApiKeyPrincipal) {
    assertMaySee(who, sellerId, 'seller', sellerId);
    const page = await this.notices.listBySeller(sellerId, cursor, limit);
    return { ...page, items: page.items.map((n) => this.served(n)) };
  }

  @Get('notices')
  @RequireScopes('read', 'review')
  @ApiRoute({ summary: "Every seller's notices, newest first (cursor-paged): staff only; filter by listing or appealed", query: staffListQuery, response: noticePageSchema })
  async listAll(@Query(new ZodPipe(staffListQuery)) query: z.output<typeof staffListQuery>) {
    const { cursor, limit, ...filter } = query;
    return this.notices.list(filter, cursor, limit);
  }

  @Get('notices/:id')
  @ApiRoute({
    summary: "One notice: the statement of reasons (DSA Transparency Database fields), its en/zh text and the database's answer",
    params: noticeParams,
    query: getQuery,
    response: noticeSchema,
  })
  async get(@UuidParam('id') id: string, @Query(new ZodPipe(getQuery)) { lang }: z.output<typeof getQuery>, @Principal() who: ApiKeyPrincipal) {
    const notice = await this.notices.get(id);
    if (!notice) throw new NotFoundError('notice', id);
    assertMaySee(who, notice.sellerId, 'notice', id);
    const served = this.served(notice);
    return lang ? { ...served, text: served.rendered[lang] } : served;
  }

  @Post('notices/:id/appeal')
  @HttpCode(202)
  @ApiRoute({
    summary: 'Appeal a notice: the listing goes back to review as an appeal; its outcome is a new notice',
    params: noticeParams,
    body: appealBody,
    response: appealResultSchema,
    errors: { 409: { code: ApiErrorCode.Conflict, when: 'the notice was appealed already' } },
  })
  async appeal(@UuidParam('id') id: string, @Body(new ZodPipe(appealBody)) { reason }: z.output<typeof appealBody>, @Principal() who: ApiKeyPrincipal) {
    const notice = await this.notices.get(id);
    if (!notice) throw new NotFoundError('notice', id);
    const actingAs = appealActorOf(who, notice.sellerId, id);
    const result = await mapConflicts('notice', id, () => this.notices.appeal(id, { keyId: who.keyId, actingAs }, reason));
    return { ...result, notice: this.served(result.notice) };
  }
}
