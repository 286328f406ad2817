import { describe, expect, it } from 'vitest';
import { fieldProblems, listingSchema } from './listing-input.schema';

const listing = (url: string) => ({
  marketplace: 'm',
  externalId: 'x',
  sellerId: 's',
  title: 'Bowl',
  price: { amount: '1', currency: 'USD' },
  images: [{ url: 'https://cdn.example.com/ok.jpg' }, { url }],
});

describe('listingSchema image URLs', () => {
  it.each(['http://user:secret@cdn.example.com/a.jpg', 'https://user@cdn.example.com/a.jpg', 'https://:pw@cdn.example.com/a.jpg'])('refuses credentials in %s, naming the field', (url) => {
    const result = listingSchema.safeParse(listing(url));
    expect(result.success).toBe(false);
    expect(fieldProblems(result.error!)).toEqual([{ field: 'images[1].url', message: 'must not contain credentials (user:password@)' }]);
  });

  it('accepts an ordinary URL, @ in the path included', () => {
    expect(listingSchema.safeParse(listing('https://cdn.example.com/@shop/a.jpg?x=1')).success).toBe(true);
  });
});
