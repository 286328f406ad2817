import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export interface DispatchedDelivery {
  deliveryId: string;
  /** When its first attempt is due. */
  nextAttemptAt: Date;
}

export interface DispatchResult {
  events: number;
  deliveries: DispatchedDelivery[];
}

/** The message id (webhook-id header) of an event, shared by all its deliveries; the same rule as
 * webhookMessageId in @listinglens/webhooks, which data access may not import. */
const messageIdOf = (eventId: string) => `msg_${eventId}`;

/**
 * Turns undispatched outbox events into deliveries, one per enabled endpoint subscribed to the type,
 * and releases the Transparency Database submission of every restricting notice a `notice.created`
 * event announces (written queued with no attempt time; the worker's submitter takes it from now).
 * Several workers can run it at once: `FOR UPDATE SKIP LOCKED` gives each a disjoint batch, and the
 * unique (endpointId, eventId) makes a second dispatch of the same event create nothing.
 */
@Injectable()
export class OutboxDispatchRepository {
  constructor(private readonly prisma: PrismaService) {}

  async dispatchBatch(limit: number, firstAttemptDelayMs: number): Promise<DispatchResult> {
    return this.prisma.$transaction(async (tx) => {
      const events = await tx.$queryRaw<Array<{ id: string; type: string }>>`
        SELECT id, type FROM outbox_events
         WHERE "dispatchedAt" IS NULL
         ORDER BY "createdAt", id
         LIMIT ${limit}
           FOR UPDATE SKIP LOCKED`;
      if (events.length === 0) return { events: 0, deliveries: [] };
      const types = [...new Set(events.map((e) => e.type))];
      const endpoints = await tx.webhookEndpoint.findMany({
        where: { disabledAt: null, events: { hasSome: types } },
        select: { id: true, events: true },
      });
      const nextAttemptAt = new Date(Date.now() + firstAttemptDelayMs);
      const rows = events.flatMap((event) =>
        endpoints
          .filter((endpoint) => endpoint.events.includes(event.type))
          .map((endpoint) => ({ endpointId: endpoint.id, eventId: event.id, messageId: messageIdOf(event.id), nextAttemptAt })),
      );
      const created = rows.length
        ? await tx.webhookDelivery.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, nextAttemptAt: true } })
        : [];
      const noticeEvents = events.filter((e) => e.type === 'notice.created').map((e) => e.id);
      if (noticeEvents.length > 0) {
        await tx.$executeRaw`
          UPDATE notices n SET "tdbNextAttemptAt" = now()
            FROM outbox_events o
           WHERE o.id = ANY(${noticeEvents}::uuid[]) AND n.id = (o.payload->>'noticeId')::uuid
             AND n."tdbStatus" = 'queued' AND n."tdbNextAttemptAt" IS NULL AND n."tdbAttempts" = 0`;
      }
      await tx.outboxEvent.updateMany({ where: { id: { in: events.map((e) => e.id) } }, data: { dispatchedAt: new Date() } });
      return {
        events: events.length,
        deliveries: created.map((d) => ({ deliveryId: d.id, nextAttemptAt: d.nextAttemptAt ?? nextAttemptAt })),
      };
    });
  }
}
