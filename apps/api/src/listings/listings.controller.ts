import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ListingBody, ScanView } from '@listinglens/contracts';
import { ListingRepository, ScanRepository } from '@listinglens/data-access';
import { NotFoundError } from '../common/api-error';
import { UuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { assertMaySee, isStaff, Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';
import { scanViewFor } from '../auth/seller-scan-view';
import type { ApiKeyPrincipal } from '@listinglens/data-access';
import { IngestService } from './ingest.service';
import { ingestBatchResultSchema, ingestResultSchema, listingViewSchema, scanViewSchema } from '@listinglens/contracts';
import { listingBatchInput, listingInput } from '../openapi/request-schemas';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';

@ApiTag('listings')
@Controller('v1')
export class ListingsController {
  constructor(
    private readonly ingest: IngestService,
    private readonly listings: ListingRepository,
    private readonly scans: ScanRepository,
  ) {}

  @Post('listings')
  @HttpCode(202)
  @RequireScopes('ingest')
  @ApiRoute({ summary: 'Submit a listing; the same content again returns the same scan and queues nothing', body: listingInput, response: ingestResultSchema })
  async create(@Body(new ZodPipe(listingInput)) listing: ListingBody, @Req() req: FastifyRequest) {
    const [result] = await this.ingest.ingest([listing], String(req.id));
    return { listingId: result.listingId, scanId: result.scanId, status: result.status };
  }

  @Post('listings/batch')
  @HttpCode(202)
  @RequireScopes('ingest')
  @ApiRoute({ summary: 'Submit up to 500 listings; all are validated before any is stored', body: listingBatchInput, response: ingestBatchResultSchema })
  async createBatch(@Body(new ZodPipe(listingBatchInput)) { listings }: z.output<typeof listingBatchInput>, @Req() req: FastifyRequest) {
    const results = await this.ingest.ingest(listings, String(req.id));
    return { results: results.map((r) => ({ listingId: r.listingId, scanId: r.scanId, status: r.status })) };
  }

  @Get('listings/:listingId')
  @RequireScopes('read', 'review', 'seller:*')
  @ApiRoute({ summary: 'A listing (current version) with its labels and latest scan', params: uuidParams('listingId'), response: listingViewSchema })
  async get(@UuidParam('listingId') listingId: string, @Principal() who: ApiKeyPrincipal) {
    const listing = await this.listings.findById(listingId);
    if (!listing) throw new NotFoundError('listing', listingId);
    assertMaySee(who, listing.sellerId, 'listing', listingId);
    const { latestScanId, ...rest } = listing;
    // The latest scan is shown only to whom it was made for (a seller key never sees another's scan).
    const mine = latestScanId && (isStaff(who) || (await this.scans.sellerOf(latestScanId)) === listing.sellerId);
    const scan = mine ? await this.scans.view(latestScanId) : null;
    const latestScan: ScanView | null = scan && scanViewFor(who, scan);
    return { ...rest, latestScan };
  }

  @Get('scans/:scanId')
  @RequireScopes('read', 'review', 'seller:*')
  @ApiRoute({
    summary: 'A scan: status, every image (with its error, if any) and every finding with evidence',
    params: uuidParams('scanId'),
    response: scanViewSchema,
  })
  async getScan(@UuidParam('scanId') scanId: string, @Principal() who: ApiKeyPrincipal): Promise<ScanView> {
    const scan = await this.scans.view(scanId);
    if (!scan) throw new NotFoundError('scan', scanId);
    // A scan belongs to the seller it was made for, not to whoever sells the listing now: a listing
    // ingested again under a new sellerId must not show the old seller's scans (contacts included).
    if (!isStaff(who)) assertMaySee(who, (await this.scans.sellerOf(scanId)) ?? '', 'scan', scanId);
    return scanViewFor(who, scan);
  }
}
