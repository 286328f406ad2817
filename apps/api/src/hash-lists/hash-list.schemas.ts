import { z } from 'zod';
import { DEFAULT_HASH_LIST_THRESHOLD, HASH_LIST_ACTION } from '@listinglens/contracts';

const fields = {
  source: z.string().trim().min(1).max(200).meta({ description: 'who the hashes come from, e.g. "partner:acme", "own", "threatexchange"' }),
  threshold: z
    .number()
    .int()
    .min(0)
    .max(DEFAULT_HASH_LIST_THRESHOLD)
    .meta({ description: 'Hamming bits within which a hash matches; HMA\'s PDQ default 31, the most the index finds exactly' }),
  action: z
    .string()
    .regex(HASH_LIST_ACTION, 'review, notify_seller, none or label:<slug>')
    .meta({ description: 'what a match asks of the policy: review (default), notify_seller, none, label:<slug>' }),
  enabled: z.boolean().meta({ description: 'disabled lists are kept but not matched' }),
};

export const createHashListInput = z
  .strictObject({
    name: z.string().regex(/^[\w.:-]{1,100}$/, 'letters, digits and . _ : - (at most 100)'),
    source: fields.source,
    threshold: fields.threshold.default(DEFAULT_HASH_LIST_THRESHOLD),
    action: fields.action.default('review'),
    enabled: fields.enabled.default(true),
  })
  .meta({ id: 'HashListInput' });

export const updateHashListInput = z
  .strictObject({ source: fields.source.optional(), threshold: fields.threshold.optional(), action: fields.action.optional(), enabled: fields.enabled.optional() })
  .meta({ id: 'HashListUpdate' });

export const removeHashesInput = z
  .strictObject({ pdq: z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, 'a PDQ hash: 64 hex digits')).min(1).max(10_000) })
  .meta({ id: 'HashListRemoval' });

export const exportQuery = z
  .strictObject({ format: z.enum(['text', 'csv']).default('text').meta({ description: 'text: one hash per line (ThreatExchange/HMA); csv: pdq,id,note' }) })
  .meta({ id: 'HashListExportQuery' });

export const hashListSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    threshold: z.number().int(),
    action: z.string(),
    enabled: z.boolean(),
    revision: z.number().int().meta({ description: 'moves on every change to the list or its hashes' }),
    hashes: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'HashList' });

export const hashListsSchema = z.strictObject({ items: z.array(hashListSchema) }).meta({ id: 'HashLists' });

export const importReportSchema = z
  .strictObject({
    listId: z.string(),
    lines: z.number().int(),
    added: z.number().int(),
    duplicates: z.number().int().meta({ description: 'valid hashes already on the list, kept once' }),
    rejected: z.number().int(),
    rejectedLines: z.array(z.strictObject({ line: z.number().int(), reason: z.string() })).meta({ description: 'the first 1,000 malformed lines, by line number; the valid lines were kept' }),
  })
  .meta({ id: 'HashListImport' });

export const removalSchema = z.strictObject({ removed: z.number().int() }).meta({ id: 'HashListRemovalResult' });
