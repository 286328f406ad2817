import { InMemoryPhashIndex } from '@listinglens/ai-signals';
import { describe, expect, it } from 'vitest';
import { InputOrderPhashIndex } from './input-order-index';

const HASH = 'b039c7c74ccd9c32';
const entry = (listingId: string, sellerId: string) => ({ listingId, sellerId, imagePosition: 0, phash: HASH });

describe('InputOrderPhashIndex: a listing sees exactly the listings before it in the input', () => {
  const order = new Map([['m/a', 0], ['m/b', 1], ['m/c', 2]]);

  it('a later listing that published first is not seen by an earlier one', async () => {
    const index = new InputOrderPhashIndex(new InMemoryPhashIndex(), order, 3);
    await index.publish(entry('m/c', 'seller-c'));
    index.settled(0);
    await index.publish(entry('m/b', 'seller-b'));
    expect(await index.findNear(HASH, 4, 'seller-b', 'm/b')).toEqual([]);
  });

  it('a lookup waits until every earlier listing has published, then sees them', async () => {
    const index = new InputOrderPhashIndex(new InMemoryPhashIndex(), order, 3);
    let answered = false;
    const looking = index.findNear(HASH, 4, 'seller-c', 'm/c').then((found) => ((answered = true), found));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    await index.publish(entry('m/a', 'seller-a'));
    index.settled(0);
    await index.publish(entry('m/b', 'seller-b'));
    expect((await index.findNearCentre([HASH], 4, 'seller-b', 'm/b')).length).toBe(0); // no centre hashes stored
    const found = await looking;
    expect(found.map((n) => n.listingId).sort()).toEqual(['m/a', 'm/b']);
  });
});
