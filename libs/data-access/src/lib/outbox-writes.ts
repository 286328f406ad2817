import type { WebhookEventPayloads, WebhookEventType } from '@listinglens/contracts';
import type { Prisma } from '../generated/prisma/client';
import type { Tx } from './transaction';

/*
 * A step inside a caller's transaction, not a repository: the outbox row must commit with the change
 * it announces, so it is written through the caller's `tx`. The dispatcher's reads and claims are a
 * repository (webhook-outbox-dispatch.repository.ts).
 */

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
