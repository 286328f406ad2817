import { Injectable } from '@nestjs/common';
import { SEVERITIES } from '@listinglens/contracts';
import { PrismaService } from './prisma.service';

type Box = { x: number; y: number; width: number; height: number };

export interface ReviewItemPreview {
  title: string;
  price: { amount: string; currency: string };
  image: { position: number; width: number; height: number; sha256: string; evidenceKept: boolean; boxes: Box[] } | null;
  priceRead: { amount: string; currencies: string[] } | null;
}

const isBox = (v: unknown): v is Box =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

/**
 * A queue page's rows as a reviewer triages them: the listing's title and price, the flagged image with
 * its boxes, the price read. Three queries for the whole page (listings, findings, images), whatever its size.
 */
@Injectable()
export class ReviewPreviewRepository {
  constructor(private readonly prisma: PrismaService) {}

  async of(items: ReadonlyArray<{ id: string; listingId: string; scanId: string | null }>): Promise<Map<string, ReviewItemPreview>> {
    const scanIds = [...new Set(items.map((i) => i.scanId).filter((s): s is string => s !== null))];
    const [listings, findings] = await Promise.all([
      this.prisma.listing.findMany({
        where: { id: { in: [...new Set(items.map((i) => i.listingId))] } },
        select: { id: true, title: true, priceAmount: true, priceCurrency: true },
      }),
      this.prisma.finding.findMany({ where: { scanId: { in: scanIds } }, select: { scanId: true, code: true, severity: true, imagePosition: true, evidence: true } }),
    ]);
    // Per scan: the image of its most severe image-level finding, and the boxes of every finding on it.
    const flagged = new Map<string, { position: number; rank: number; boxes: Box[]; priceRead: ReviewItemPreview['priceRead'] }>();
    for (const f of findings) {
      const evidence = f.evidence as Record<string, unknown>;
      const current = flagged.get(f.scanId);
      const rank = SEVERITIES.indexOf(f.severity);
      if (f.imagePosition !== null && (!current || rank > current.rank)) {
        flagged.set(f.scanId, { position: f.imagePosition, rank, boxes: [], priceRead: current?.priceRead ?? null });
      }
      const entry = flagged.get(f.scanId);
      if (!entry) continue;
      const shown = evidence.shown as { amount?: unknown; currencies?: unknown } | undefined;
      if (f.code === 'price.mismatch' && typeof shown?.amount === 'string') {
        entry.priceRead ??= { amount: shown.amount, currencies: Array.isArray(shown.currencies) ? shown.currencies.map(String) : [] };
      }
    }
    for (const f of findings) {
      const entry = flagged.get(f.scanId);
      const box = (f.evidence as Record<string, unknown>).box;
      if (entry && f.imagePosition === entry.position && isBox(box)) entry.boxes.push(box);
    }
    const images = flagged.size
      ? await this.prisma.listingImage.findMany({
          where: { OR: [...flagged].map(([scanId, e]) => ({ scanId, position: e.position })) },
          select: { scanId: true, position: true, width: true, height: true, sha256: true, evidenceSha256: true },
        })
      : [];
    const imageOf = new Map(images.map((i) => [i.scanId, i]));
    const listingOf = new Map(listings.map((l) => [l.id, l]));
    const out = new Map<string, ReviewItemPreview>();
    for (const item of items) {
      const listing = listingOf.get(item.listingId);
      if (!listing) continue;
      const entry = item.scanId ? flagged.get(item.scanId) : undefined;
      const image = item.scanId ? imageOf.get(item.scanId) : undefined;
      out.set(item.id, {
        title: listing.title,
        price: { amount: listing.priceAmount.toFixed(), currency: listing.priceCurrency },
        image:
          entry && image?.width && image.height && image.sha256
            ? { position: entry.position, width: image.width, height: image.height, sha256: image.sha256, evidenceKept: image.evidenceSha256 !== null, boxes: entry.boxes }
            : null,
        priceRead: entry?.priceRead ?? null,
      });
    }
    return out;
  }
}
