import { z } from 'zod';
import { batchSchema, listingSchema } from '@listinglens/contracts';

/** OpenAPI request schemas generated from the same zod schemas that validate (one source of truth). */
const toOpenApi = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

export const LISTING_BODY_SCHEMA = toOpenApi(listingSchema);
export const BATCH_BODY_SCHEMA = toOpenApi(batchSchema);
