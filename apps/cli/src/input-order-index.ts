import type { InMemoryPhashIndex } from '@listinglens/ai-signals';
import type { PhashIndex, PhashNeighbour, PublishedPhash } from '@listinglens/contracts';

/**
 * The CLI scans several listings at once, but what image.reused finds must not depend on which scan ran
 * ahead: listing i of the input file is compared with exactly listings 0 … i−1, as a one-at-a-time scan
 * would compare it. A lookup waits until every earlier listing has published its images (the reuse
 * detector publishes them all before it looks, so its first lookup says so; a listing that never looks
 * says so when its scan ends) and keeps only their matches. No deadlock: a listing waits only on earlier
 * ones, and those start first.
 */
export class InputOrderPhashIndex implements PhashIndex {
  private readonly published: Array<{ promise: Promise<void>; resolve: () => void }>;

  /** `order`: each listing's id (marketplace/externalId) to its place in the input. */
  constructor(
    private readonly inner: InMemoryPhashIndex,
    private readonly order: ReadonlyMap<string, number>,
    count: number,
  ) {
    this.published = Array.from({ length: count }, () => {
      let resolve = (): void => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    });
  }

  publish(entry: PublishedPhash): Promise<void> {
    return this.inner.publish(entry);
  }

  async findNear(phash: string, maxDistance: number, excludeSellerId: string, askingListingId?: string): Promise<PhashNeighbour[]> {
    const before = await this.earlierThan(askingListingId);
    return (await this.inner.findNear(phash, maxDistance, excludeSellerId)).filter((n) => before(n.listingId));
  }

  async findNearCentre(probes: readonly string[], maxDistance: number, excludeSellerId: string, askingListingId?: string): Promise<PhashNeighbour[]> {
    const before = await this.earlierThan(askingListingId);
    return (await this.inner.findNearCentre(probes, maxDistance, excludeSellerId)).filter((n) => before(n.listingId));
  }

  /** The listing at `position` has published all it will (its scan ended, or it looked). */
  settled(position: number): void {
    this.published[position]?.resolve();
  }

  private async earlierThan(asking: string | undefined): Promise<(listingId: string) => boolean> {
    const position = asking === undefined ? undefined : this.order.get(asking);
    if (position === undefined) return () => true;
    this.settled(position);
    await Promise.all(this.published.slice(0, position).map((p) => p.promise));
    return (listingId) => (this.order.get(listingId) ?? Number.POSITIVE_INFINITY) < position;
  }
}
