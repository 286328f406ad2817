import { expect } from 'vitest';
import { renderOverlay } from '../ocr/support/render-overlay';
import { SD_PARAMETERS, solidPng, withTextChunk } from '../support/images';
import type { Stack } from '../support/stack';

export const MARKETPLACE = 'console-shop';
export const PRICE_GROUND = 'Console terms §4: images must show the price the listing charges.';
export const AI_GROUND = 'Console terms §4.2: AI-generated product images must be disclosed.';

/** A policy that sends every finding to review (so each listing below is one queue item). */
export const POLICY = {
  marketplace: MARKETPLACE,
  rules: [
    { id: 'console.ai', code: 'ai.undisclosed', minConfidence: 0.8, actions: [{ type: 'auto_label', label: 'ai-generated-image' }, { type: 'notify_seller' }], ground: AI_GROUND },
    { id: 'console.review-all', code: '*', minSeverity: 'info', actions: [{ type: 'review' }], ground: PRICE_GROUND },
  ],
};

/** Images drawn by the test: a price tag that disagrees with the listing price, a coupon, an SD-made PNG. */
export async function renderImages(): Promise<Record<string, Buffer>> {
  return {
    'tag.png': await renderOverlay({ width: 800, height: 360, texts: [{ text: '限时特价', x: 60, y: 140, size: 44 }, { text: '¥99', x: 260, y: 140, size: 48 }] }),
    'coupon.png': await renderOverlay({ width: 800, height: 300, texts: [{ text: '领券立减', x: 60, y: 50, size: 44 }, { text: '满200减30', x: 60, y: 160, size: 44 }] }),
    'ai.png': withTextChunk(await solidPng(256, 256, '#c96'), 'parameters', SD_PARAMETERS),
  };
}

export async function ingest(stack: Stack, key: string, listing: { externalId: string; sellerId: string; title: string; amount: string; images: unknown[] }) {
  const res = await stack.request(
    'POST',
    '/v1/listings',
    { marketplace: MARKETPLACE, externalId: listing.externalId, sellerId: listing.sellerId, title: listing.title, price: { amount: listing.amount, currency: 'CNY' }, images: listing.images },
    { authorization: `Bearer ${key}` },
  );
  expect(res.status).toBe(202);
  const scan = await stack.waitForScan(res.body.scanId, ['completed', 'failed'], 120_000);
  expect(scan.status).toBe('completed');
  return { listingId: res.body.listingId as string, scan };
}
