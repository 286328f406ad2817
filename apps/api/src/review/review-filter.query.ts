import { z } from 'zod';
import { REVIEW_STATUSES, SEVERITIES } from '@listinglens/contracts';

/** The queue's filters: one schema for the page and for its counts, so both mean the same items. */
export const reviewFilterShape = {
  status: z.enum(REVIEW_STATUSES).optional().meta({ description: 'default: every status but decided' }),
  code: z.string().optional().meta({ description: 'a finding code the item carries' }),
  severity: z.enum(SEVERITIES).optional(),
  marketplace: z.string().optional(),
  appeal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'only appeals (true) or only first reviews (false)' }),
};

export const reviewFilterQuery = z.object(reviewFilterShape).strict();
