import { z } from 'zod';
import type { DeliveryCursor } from '@listinglens/data-access';
import { ValidationError } from '../common/api-error';

/** Opaque page cursors: base64url of the last item's position, so clients cannot depend on its shape. */
export function encodeDeliveryCursor(cursor: DeliveryCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeDeliveryCursor(value: string): DeliveryCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [createdAt, id] = parsed as unknown[];
      if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
        return { createdAt, id };
      }
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
}

const MESSAGE_ID = /^msg_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const MESSAGE_ID_RULE = 'must be a webhook-id of the form msg_<uuid>';

/** The messageId path parameter: validated and documented from this one schema. */
export const messageIdParam = z.string().regex(MESSAGE_ID, MESSAGE_ID_RULE).meta({ description: 'the webhook-id header of the message, msg_<eventId>' });

/** The event id inside a webhook-id (`msg_<eventId>`). */
export function eventIdOfMessage(messageId: string): string {
  if (!messageIdParam.safeParse(messageId).success) throw new ValidationError([{ field: 'messageId', message: MESSAGE_ID_RULE }]);
  return (MESSAGE_ID.exec(messageId) as RegExpExecArray)[1].toLowerCase();
}
