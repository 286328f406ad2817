import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export interface ImageSourceView {
  position: number;
  kind: 'url' | 'inline';
  /** The URL the listing gave (url images only): a reviewer's browser loads it from there. */
  url: string | null;
}

/** Where a scan's images can be seen again: the api never fetches or re-encodes them (DESIGN: no image work). */
@Injectable()
export class ListingImageRepository {
  constructor(private readonly prisma: PrismaService) {}

  async sources(scanId: string): Promise<ImageSourceView[]> {
    const rows = await this.prisma.listingImage.findMany({
      where: { scanId },
      select: { position: true, sourceKind: true, sourceUrl: true },
      orderBy: { position: 'asc' },
    });
    return rows.map((r) => ({ position: r.position, kind: r.sourceKind === 'url' ? 'url' : 'inline', url: r.sourceKind === 'url' ? r.sourceUrl : null }));
  }

  /** The bytes uploaded inline with the listing, with the format the worker sniffed (null: not found). */
  async inlineBytes(scanId: string, position: number): Promise<{ bytes: Buffer; format: string | null } | null> {
    const row = await this.prisma.listingImage.findUnique({
      where: { scanId_position: { scanId, position } },
      select: { inlineData: true, format: true },
    });
    return row?.inlineData ? { bytes: Buffer.from(row.inlineData), format: row.format } : null;
  }
}
