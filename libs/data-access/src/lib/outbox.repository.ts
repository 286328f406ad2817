import type { WebhookEventPayloads, WebhookEventType } from '@listinglens/contracts';
import type { Prisma } from '../generated/prisma/client';
import type { Tx } from './transaction';

/**
 * Appends an event to the outbox inside the caller's transaction: the event exists if and only if
 * the change it describes was committed. The worker's dispatcher delivers it afterwards.
 */
export async function appendOutboxEvent<T extends WebhookEventType>(tx: Tx, type: T, data: WebhookEventPayloads[T]): Promise<string> {
  const row = await tx.outboxEvent.create({
    data: { type, payload: data as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
  return row.id;
}
