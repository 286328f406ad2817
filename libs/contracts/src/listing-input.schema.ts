import { z } from 'zod';

/** ISO 4217 codes the runtime knows (ICU's list), so "USD" passes and "XYZ" is refused by name. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** ISO 4217 minor units (JPY 0, USD 2, KWD 3, CLF 4), as ICU knows them. */
export function currencyMinorUnits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export const MAX_IMAGES = 20;
export const MAX_BATCH = 500;

const imageFields = {
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2048)
      // http://user:secret@host was accepted, stored and sent as Basic auth: credentials do not belong in a listing.
      .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), 'must not contain credentials (user:password@)')
      .optional(),
    dataBase64: z
      .string()
      .min(1, 'must not be empty')
      .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'must be standard base64 (A-Z a-z 0-9 + /, padded)')
      .optional(),
};

const imageSchema = z
  .object(imageFields)
  .strict()
  .refine((image) => (image.url === undefined) !== (image.dataBase64 === undefined), {
    error: 'give exactly one of url or dataBase64',
  });

/** The CLI also reads images from files, relative to its input file. */
const cliImageSchema = z
  .object({ ...imageFields, path: z.string().min(1).optional() })
  .strict()
  .refine((i) => [i.url, i.dataBase64, i.path].filter((v) => v !== undefined).length === 1, {
    error: 'give exactly one of url, dataBase64 or path',
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
  .strict()
  // "100.55" yen does not exist: digits past the currency's minor units are refused (trailing zeros,
  // as in "100.00", say nothing more and are accepted).
  .superRefine((price, ctx) => {
    if (!CURRENCIES.has(price.currency)) return;
    const places = (price.amount.split('.')[1] ?? '').replace(/0+$/, '').length;
    const allowed = currencyMinorUnits(price.currency);
    if (places > allowed) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `${price.currency} has ${allowed} decimal place${allowed === 1 ? '' : 's'} (ISO 4217); "${price.amount}" has ${places}` });
    }
  });

const listingFields = {
    marketplace: z.string().trim().min(1).max(100),
    externalId: z.string().trim().min(1).max(200),
    sellerId: z.string().trim().min(1).max(200),
    title: z.string().min(1).max(2000),
    description: z.string().max(20_000).nullish(),
    price: priceSchema,
    aiDisclosure: z.boolean().nullish(),
};
const imageList = <T extends z.ZodType>(image: T) =>
  z.array(image).min(1, 'at least 1 image').max(MAX_IMAGES, `at most ${MAX_IMAGES} images`);

/** Body of POST /v1/listings: the API's contract, also the CLI's line format (plus `path` images). */
export const listingSchema = z.object({ ...listingFields, images: imageList(imageSchema) }).strict();
export const cliListingSchema = z.object({ ...listingFields, images: imageList(cliImageSchema) }).strict();

export const batchSchema = z
  .object({ listings: z.array(listingSchema).min(1).max(MAX_BATCH, `at most ${MAX_BATCH} listings per batch`) })
  .strict();

export type ListingBody = z.infer<typeof listingSchema>;
export type CliListingBody = z.infer<typeof cliListingSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Zod issues as `{field: "images[3].url", message}`: what a 400 (or a CLI error) names. */
export function fieldProblems(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.slice(0, 50).map((issue) => ({
    field: prefix + formatPath(issue.path) || '(body)',
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * Text PostgreSQL cannot store, anywhere in a parsed body, query or path parameter (keys included): a NUL
 * character (`\u0000`, refused by PostgreSQL with 22021) or a lone UTF-16 surrogate (not Unicode at all).
 * Both passed validation and came back as 500s; they are a 400 naming the field instead.
 */
export function malformedTextProblems(value: unknown, prefix = '', out: FieldProblem[] = []): FieldProblem[] {
  if (out.length >= 50) return out;
  if (typeof value === 'string') {
    const problem = malformedText(value);
    if (problem) out.push({ field: prefix || '(body)', message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => malformedTextProblems(item, `${prefix}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = prefix ? `${prefix}.${key}` : key;
      const keyProblem = malformedText(key);
      if (keyProblem) out.push({ field, message: `field name ${keyProblem}` });
      else malformedTextProblems(item, field, out);
    }
  }
  return out;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed is ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function malformedText(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it contains a lone UTF-16 surrogate)';
  return null;
}
