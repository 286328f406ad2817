import { z } from 'zod';

/** What the review console reads beyond the queue itself: who is signed in, queue counts, the overview, image sources. */
const timestamp = z.iso.datetime({ offset: true });

export const principalSchema = z
  .strictObject({ keyId: z.guid(), name: z.string(), scopes: z.array(z.string()).meta({ description: 'what this key may do; the console shows only that' }) })
  .meta({ id: 'Principal' });

export const reviewQueueSummarySchema = z
  .strictObject({
    total: z.number().int().meta({ description: 'items matching the filters' }),
    oldestCreatedAt: timestamp.nullable().meta({ description: 'when the oldest matching item entered the queue' }),
  })
  .meta({ id: 'ReviewQueueSummary' });

export const reviewOverviewSchema = z
  .strictObject({
    queueDepth: z.strictObject({ open: z.number().int(), claimed: z.number().int(), escalated: z.number().int() }),
    decisionsPerDay: z.array(z.strictObject({ day: z.string().meta({ description: 'UTC day, YYYY-MM-DD' }), decisions: z.number().int() })),
    noticesByAutomation: z
      .strictObject({ automated: z.number().int(), human: z.number().int() })
      .meta({ description: 'seller notices decided by the policy alone vs with a reviewer, in the window' }),
    medianSecondsToDecision: z.number().nullable().meta({ description: 'queue entry to final decision, decisions in the window' }),
  })
  .meta({ id: 'ReviewOverview' });

export const policyGroundsSchema = z
  .strictObject({
    grounds: z.array(z.string()).meta({ description: 'the grounds the policy defines; a confirm must name one of them' }),
    suggested: z.string().nullable().meta({ description: 'the ground of the first rule that sent the item to review, if it has one' }),
  })
  .meta({ id: 'PolicyGrounds' });

