import { z } from 'zod';
import { ValidationError } from '../common/api-error';

const MESSAGE_ID = /^msg_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const MESSAGE_ID_RULE = 'must be a webhook-id of the form msg_<uuid>';

/** The messageId path parameter: validated and documented from this one schema. */
export const messageIdParam = z.string().regex(MESSAGE_ID, MESSAGE_ID_RULE).meta({ description: 'the webhook-id header of the message, msg_<eventId>' });

/** The event id inside a webhook-id (`msg_<eventId>`). */
export function eventIdOfMessage(messageId: string): string {
  if (!messageIdParam.safeParse(messageId).success) throw new ValidationError([{ field: 'messageId', message: MESSAGE_ID_RULE }]);
  return (MESSAGE_ID.exec(messageId) as RegExpExecArray)[1].toLowerCase();
}
