import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiErrorCode, BROWSER_IMAGE_TYPES, type ImageFormat } from '@listinglens/contracts';
import { type ApiKeyPrincipal, displayKey, EvidenceRepository, thumbKey } from '@listinglens/data-access';
import { sniffFormat } from '@listinglens/pipeline/sniff-format';
import { ApiError, NotFoundError } from '../common/api-error';
import { uuidParam } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { assertMaySee, Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';

// A path segment is always present and a string: a number schema would be documented as optional.
const params = z.object({ scanId: uuidParam, position: z.string().regex(/^1?\d$/, 'an image position, 0 to 19') }).strict();
const query = z
  .object({ size: z.enum(['full', 'thumb']).default('full').meta({ description: '`thumb`: at most 480 px on the long side, WebP (queue rows)' }) })
  .strict();
const binary = z.string().meta({ format: 'binary' });

/**
 * The bytes a scan judged, from the evidence store: the console shows these, never the seller's URL (whose
 * server would learn who reviews, and could show the reviewer other pixels than it showed the scanner).
 */
@ApiTag('listings')
@Controller('v1/scans/:scanId/images/:position')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceRepository) {}

  @Get('evidence')
  @RequireScopes('read', 'review', 'seller:*')
  @ApiRoute({
    summary: 'The scanned image kept as evidence (see `evidenceKept` in the scan), or its 480 px thumbnail',
    description:
      'Served as stored for JPEG, PNG, WebP, GIF and AVIF; TIFF, BMP and HEIF as a PNG rendering. A finding\'s box is in the full image\'s pixels: scale it by thumbnail width / image width. A seller key sees only its own listings\' images (404 otherwise).',
    params,
    query,
    otherContent: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'].map((t) => [t, { schema: binary, description: 'the image' }])),
    errors: { 415: { code: ApiErrorCode.UnsupportedMediaType, when: 'the stored bytes are not a picture a browser may be given (never served)' } },
  })
  async image(
    @Param(new ZodPipe(params)) { scanId, position }: z.output<typeof params>,
    @Query(new ZodPipe(query)) { size }: z.output<typeof query>,
    @Principal() who: ApiKeyPrincipal,
    @Res() reply: FastifyReply,
  ) {
    const id = `${scanId}/${position}`;
    const image = await this.evidence.image(scanId, Number(position));
    if (!image) throw new NotFoundError('evidence of image', id);
    assertMaySee(who, image.sellerId, 'evidence of image', id);
    const storedFormat = image.format as ImageFormat;
    const key = size === 'thumb' ? thumbKey(image.sha256) : storedFormat in BROWSER_IMAGE_TYPES ? image.sha256 : displayKey(image.sha256);
    const bytes = await this.evidence.bytes(key);
    if (!bytes) throw new NotFoundError('evidence of image', id);
    // The type comes from the bytes themselves, and only a passive picture format is ever sent.
    const sniffed = sniffFormat(bytes);
    const type = sniffed ? BROWSER_IMAGE_TYPES[sniffed] : undefined;
    if (!type) throw new ApiError(415, ApiErrorCode.UnsupportedMediaType, `evidence of image ${id} is not a picture a browser may be given`);
    return reply
      .header('content-type', type)
      .header('cache-control', 'private, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cross-origin-resource-policy', 'same-origin')
      .header('content-disposition', `inline; filename="${image.sha256.slice(0, 16)}${size === 'thumb' ? '-thumb' : ''}.${sniffed}"`)
      .header('etag', `"${image.sha256}${size === 'thumb' ? '-thumb' : ''}"`)
      .header('x-evidence-sha256', image.sha256)
      .send(bytes);
  }
}
