import { z } from 'zod';

/** ISO 4217 codes the runtime knows (ICU's list), so "USD" passes and "XYZ" is refused by name. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const MAX_IMAGES = 20;
export const MAX_BATCH = 500;

const imageSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048).optional(),
    dataBase64: z
      .string()
      .min(1, 'must not be empty')
      .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'must be standard base64 (A-Z a-z 0-9 + /, padded)')
      .optional(),
  })
  .strict()
  .refine((image) => (image.url === undefined) !== (image.dataBase64 === undefined), {
    error: 'give exactly one of url or dataBase64',
  });

const priceSchema = z
  .object({
    amount: z
      .union([z.string(), z.number()])
      .transform((v) => String(v))
      .refine((s) => /^\d{1,15}(\.\d{1,4})?$/.test(s), 'must be a non-negative decimal with at most 4 decimal places, e.g. "1299.00"'),
    currency: z
      .string()
      .refine((c) => CURRENCIES.has(c), { error: (issue) => `unknown ISO 4217 currency code "${String(issue.input)}"` }),
  })
  .strict();

export const listingSchema = z
  .object({
    marketplace: z.string().trim().min(1).max(100),
    externalId: z.string().trim().min(1).max(200),
    sellerId: z.string().trim().min(1).max(200),
    title: z.string().min(1).max(2000),
    description: z.string().max(20_000).nullish(),
    price: priceSchema,
    aiDisclosure: z.boolean().nullish(),
    images: z.array(imageSchema).min(1, 'at least 1 image').max(MAX_IMAGES, `at most ${MAX_IMAGES} images`),
  })
  .strict();

export const batchSchema = z
  .object({ listings: z.array(listingSchema).min(1).max(MAX_BATCH, `at most ${MAX_BATCH} listings per batch`) })
  .strict();

export type ListingBody = z.infer<typeof listingSchema>;
