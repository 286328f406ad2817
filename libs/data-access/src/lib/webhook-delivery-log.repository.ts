import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { decodeCursor, encodeCursor, timeCursorSchema } from './cursor';
import { ACTIVE_DELIVERY_STATUSES, type WebhookDeliveryStatus } from './webhook-delivery.repository';

export interface WebhookAttemptView {
  at: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export interface WebhookDeliveryView {
  messageId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  lastStatus: number | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  attempts: WebhookAttemptView[];
}

export interface DeliveryPage {
  items: WebhookDeliveryView[];
  nextCursor: string | null;
}

export interface ReplayTicket {
  deliveryId: string;
  /** The attempt number the replay will be (its job id is derived from it). */
  attempt: number;
  /** It was still being retried: the replay brings its scheduled attempt forward. */
  wasActive: boolean;
}

/** Attempts shown per delivery at most (a delivery has 8 scheduled attempts plus its replays). */
const ATTEMPTS_SHOWN = 50;

/** The API's side of deliveries: the per-endpoint log and replays. */
@Injectable()
export class WebhookDeliveryLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first; `cursor` is the nextCursor of the previous page (checked by the api: see timeCursorSchema). */
  async listForEndpoint(endpointId: string, options: { limit: number; cursor?: string; status?: WebhookDeliveryStatus }): Promise<DeliveryPage> {
    const after = options.cursor ? decodeCursor(timeCursorSchema, options.cursor) : null;
    const rows = await this.prisma.webhookDelivery.findMany({
      where: {
        endpointId,
        ...(options.status ? { status: options.status } : {}),
        ...(after
          ? { OR: [{ createdAt: { lt: new Date(after.c) } }, { createdAt: new Date(after.c), id: { lt: after.id } }] }
          : {}),
      },
      include: {
        event: { select: { type: true } },
        attemptsLog: { orderBy: { at: 'desc' }, take: ATTEMPTS_SHOWN },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit + 1,
    });
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        messageId: row.messageId,
        eventId: row.eventId,
        eventType: row.event.type,
        status: row.status as WebhookDeliveryStatus,
        attemptCount: row.attempts,
        lastStatus: row.lastStatus,
        createdAt: row.createdAt.toISOString(),
        nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
        deliveredAt: row.deliveredAt?.toISOString() ?? null,
        attempts: row.attemptsLog.reverse().map((a) => ({
          at: a.at.toISOString(),
          statusCode: a.statusCode,
          latencyMs: a.latencyMs,
          error: a.error,
          responseExcerpt: a.responseExcerpt,
        })),
      })),
      nextCursor: rows.length > options.limit && last ? encodeCursor(timeCursorSchema, { c: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  /**
   * Makes a delivery due now for a replay (same webhook-id, same body). A finished delivery gets one
   * more attempt (status `replaying`, no automatic retries after it); one still being retried keeps
   * its schedule and has its next attempt brought forward. Null when there is no such message.
   */
  async prepareReplay(endpointId: string, eventId: string): Promise<ReplayTicket | null> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ id: string; status: string; attempts: number }>>`
        SELECT id, status, attempts FROM webhook_deliveries
         WHERE "endpointId" = ${endpointId}::uuid AND "eventId" = ${eventId}::uuid
           FOR UPDATE`;
      if (!row) return null;
      const wasActive = (ACTIVE_DELIVERY_STATUSES as readonly string[]).includes(row.status);
      await tx.webhookDelivery.update({
        where: { id: row.id },
        data: wasActive ? { nextAttemptAt: new Date() } : { status: 'replaying', nextAttemptAt: new Date() },
      });
      return { deliveryId: row.id, attempt: row.attempts + 1, wasActive };
    });
  }
}
