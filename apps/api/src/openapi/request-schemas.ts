import { batchSchema, listingSchema } from '@listinglens/contracts';
import { createPolicySchema, reviewDecisionSchema } from '@listinglens/policy';

/**
 * Request schemas defined in the libs, named as OpenAPI components. `.meta()` returns a copy that
 * validates exactly like the original, so handlers validate with these very objects (one source)
 * while the libs' definitions stay untouched. zod-to-openapi 9.1 reads an `id` only from such a copy:
 * adding it to z.globalRegistry for the original object is ignored (Metadata.getMetadataFromRegistry).
 */
export const listingInput = listingSchema.meta({ id: 'ListingInput' });
export const listingBatchInput = batchSchema.meta({ id: 'ListingBatchInput' });
export const reviewDecisionInput = reviewDecisionSchema.meta({ id: 'ReviewDecisionInput' });
export const policyInput = createPolicySchema.meta({ id: 'PolicyInput' });
