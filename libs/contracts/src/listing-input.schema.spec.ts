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

describe('listingSchema price minor units (ISO 4217)', () => {
  const priced = (amount: string, currency: string) => ({ ...listing('https://cdn.example.com/b.jpg'), price: { amount, currency } });

  it.each([
    ['100.55', 'JPY', 'price.amount: JPY has 0 decimal places (ISO 4217); "100.55" has 2'],
    ['1.5', 'KRW', 'price.amount: KRW has 0 decimal places (ISO 4217); "1.5" has 1'],
    ['9.999', 'USD', 'price.amount: USD has 2 decimal places (ISO 4217); "9.999" has 3'],
  ])('refuses %s %s, naming the field', (amount, currency, message) => {
    const result = listingSchema.safeParse(priced(amount, currency));
    expect(result.success).toBe(false);
    const [problem] = fieldProblems(result.error!);
    expect(`${problem.field}: ${problem.message}`).toBe(message);
  });

  it.each([['100', 'JPY'], ['100.00', 'JPY'], ['9.99', 'USD'], ['1.234', 'KWD']])('accepts %s %s', (amount, currency) => {
    expect(listingSchema.safeParse(priced(amount, currency)).success).toBe(true);
  });
});
