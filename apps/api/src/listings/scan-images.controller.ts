import { Controller, Get, Param } from '@nestjs/common';
import { z } from 'zod';
import { imageSourcesSchema, inlineImageSchema } from '@listinglens/contracts';
import { ListingImageRepository, ScanRepository } from '@listinglens/data-access';
import { NotFoundError } from '../common/api-error';
import { UuidParam, uuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { RequireScopes } from '../auth/scopes.decorator';

// A path segment is always present and a string: a number schema would be documented as optional.
const imageParams = z.object({ scanId: uuidParam, position: z.string().regex(/^1?\d$/, 'an image position, 0 to 19') }).strict();
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
  async sources(@UuidParam('scanId') scanId: string) {
    if (!(await this.scans.view(scanId))) throw new NotFoundError('scan', scanId);
    return { items: await this.images.sources(scanId) };
  }

  @Get('images/:position')
  @ApiRoute({
    summary: 'An image uploaded inline with the listing, as base64 with its media type (url images: load them from their URL)',
    params: imageParams,
    response: inlineImageSchema,
  })
  async bytes(@Param(new ZodPipe(imageParams)) { scanId, position }: z.output<typeof imageParams>) {
    const image = await this.images.inlineBytes(scanId, Number(position));
    if (!image) throw new NotFoundError('inline image', `${scanId}/${position}`);
    // JSON, not raw bytes: the console shows it as a data: URL, and uploaded bytes are never served
    // under our origin with a type a browser could run.
    return { mediaType: MEDIA_TYPES[image.format ?? ''] ?? 'application/octet-stream', dataBase64: image.bytes.toString('base64') };
  }
}
