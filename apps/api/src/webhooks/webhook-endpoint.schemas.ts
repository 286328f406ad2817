import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '@listinglens/contracts';
import { timeCursorSchema } from '@listinglens/data-access';
import { cursorQuery } from '../common/cursor-query';

const webhookUrl = z
  .string()
  .max(2_048, 'must be at most 2048 characters')
  .refine((value) => URL.canParse(value), 'must be an absolute http(s) URL')
  .superRefine((value, ctx) => {
    if (!URL.canParse(value)) return;
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: `scheme ${url.protocol} is not allowed (http and https only)` });
    // Credentials in a URL end up in logs and delivery listings; receivers verify signatures instead.
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not contain credentials (user:password@)' });
  });

const eventType = z.enum(WEBHOOK_EVENT_TYPES, { error: () => `must be one of: ${WEBHOOK_EVENT_TYPES.join(', ')}` });

export const createWebhookEndpointSchema = z
  .object({
    url: webhookUrl,
    events: z
      .array(eventType)
      .min(1, 'subscribe to at least one event type')
      .transform((events) => [...new Set(events)]),
  })
  .strict()
  .meta({ id: 'WebhookEndpointInput' });

export const deliveryListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: cursorQuery(timeCursorSchema),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  })
  .strict();
