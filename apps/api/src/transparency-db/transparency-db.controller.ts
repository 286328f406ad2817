import { Body, Controller, HttpCode, Logger, Post } from '@nestjs/common';
import { z } from 'zod';
import { type ApiKeyPrincipal, TransparencyDbSubmissionRepository } from '@listinglens/data-access';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';

const requeueBody = z
  .object({
    status: z.enum(['refused', 'failed']).default('refused').meta({ description: 'which statements to send again' }),
    noticeIds: z.array(z.guid()).min(1).max(10_000).optional().meta({ description: 'only these notices (default: every one in `status`)' }),
    httpStatus: z.array(z.number().int().min(100).max(599)).min(1).optional().meta({ description: 'only those the database answered with one of these (e.g. [401, 403])' }),
  })
  .strict();
const requeueResult = z.object({ requeued: z.number().int(), noticeIds: z.array(z.string()) });

/** Operating the DSA Transparency Database submission (the worker sends; this puts statements back). */
@ApiTag('notices')
@RequireScopes('admin')
@Controller('v1/transparency-db')
export class TransparencyDbController {
  private readonly logger = new Logger(TransparencyDbController.name);

  constructor(private readonly submissions: TransparencyDbSubmissionRepository) {}

  @Post('requeue')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Admin: send refused (or failed) statements to the Transparency Database again, after what made it refuse was fixed',
    body: requeueBody,
    bodyOptional: true,
    response: requeueResult,
  })
  async requeue(@Body(new ZodPipe(requeueBody, { optional: true })) body: z.output<typeof requeueBody>, @Principal() who: ApiKeyPrincipal) {
    const noticeIds = await this.submissions.requeue(body);
    this.logger.log({ keyId: who.keyId, filter: body, requeued: noticeIds.length }, 'Transparency Database statements re-queued');
    return { requeued: noticeIds.length, noticeIds };
  }
}
