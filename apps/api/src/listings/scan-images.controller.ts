import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { imageSourcesSchema } from '@listinglens/contracts';
import { ListingImageRepository, ScanRepository } from '@listinglens/data-access';
import { NotFoundError } from '../common/api-error';
import { parseUuid } from '../common/uuid-param';
import { parseQuery, uuidParam, uuidParams } from '../common/zod-validation';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { RequireScopes } from '../auth/scopes.decorator';

const imageParams = z.object({ scanId: uuidParam, position: z.coerce.number().int().min(0).max(19) }).strict();
const MEDIA_TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif', heif: 'image/heif', tiff: 'image/tiff' };

/** Lets staff see a scan's images again (the console draws the findings' boxes on them). */
@ApiTag('listings')
@RequireScopes('read', 'review')
@Controller('v1/scans/:scanId')
export class ScanImagesController {
  constructor(
    private readonly scans: ScanRepository,
    private readonly images: ListingImageRepository,
  ) {}

  @Get('image-sources')
  @ApiRoute({ summary: "Where each of a scan's images is: its URL, or `inline` (read it from /images/{position})", params: uuidParams('scanId'), response: imageSourcesSchema })
  async sources(@Param('scanId') scanId: string) {
    const id = parseUuid('scanId', scanId);
    if (!(await this.scans.view(id))) throw new NotFoundError('scan', scanId);
    return { items: await this.images.sources(id) };
  }

  @Get('images/:position')
  @ApiRoute({
    summary: 'The bytes of an image uploaded inline with the listing (url images: load them from their URL)',
    params: imageParams,
    otherContent: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }), description: 'the image as uploaded; content-type says its format' } },
  })
  async bytes(@Param() params: unknown, @Res() reply: FastifyReply) {
    const { scanId, position } = parseQuery(imageParams, params);
    const image = await this.images.inlineBytes(scanId, position);
    if (!image) throw new NotFoundError('inline image', `${scanId}/${position}`);
    // nosniff + a locked-down CSP: uploaded bytes are shown as an image, never run as a page.
    return reply
      .type(MEDIA_TYPES[image.format ?? ''] ?? 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'")
      .header('cache-control', 'private, max-age=3600')
      .send(image.bytes);
  }
}
