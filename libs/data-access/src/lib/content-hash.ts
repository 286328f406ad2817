import { createHash } from 'node:crypto';
import type { ListingSubmission } from '@listinglens/contracts';

/** "12.50" and "12.5" are the same price; the hash must not see a difference. */
export function canonicalAmount(amount: string): string {
  const [int, frac = ''] = amount.split('.');
  const trimmedInt = int.replace(/^(-?)0+(?=\d)/, '$1');
  const trimmedFrac = frac.replace(/0+$/, '');
  return trimmedFrac ? `${trimmedInt}.${trimmedFrac}` : trimmedInt;
}

/** sha256 over everything a scan looks at: equal hash means re-sending changes nothing. */
export function listingContentHash(input: ListingSubmission): string {
  const canonical = JSON.stringify([
    input.marketplace,
    input.externalId,
    input.sellerId,
    input.title,
    input.description ?? null,
    canonicalAmount(input.price.amount),
    input.price.currency,
    input.aiDisclosure ?? null,
    input.images.map((image) =>
      image.kind === 'url' ? ['url', image.url] : ['inline', createHash('sha256').update(image.bytes).digest('hex')],
    ),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
