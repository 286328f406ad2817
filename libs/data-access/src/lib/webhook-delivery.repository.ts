import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '@listinglens/contracts';
import { appendOutboxEvent } from './outbox-writes';
import { PrismaService } from './prisma.service';
import type { Tx } from './transaction';
import { WebhookSecretBox } from './webhook-secret-box';

/**
 * pending: waiting for its first attempt; retrying: an attempt failed, the next is scheduled;
 * replaying: a replay asked for by hand; delivered / failed / cancelled (endpoint disabled) are final.
 */
export type WebhookDeliveryStatus = 'pending' | 'retrying' | 'replaying' | 'delivered' | 'failed' | 'cancelled';
export const ACTIVE_DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'retrying', 'replaying'];

/** Everything one delivery attempt needs: the endpoint with its signing secrets, and the event. */
export interface WebhookDeliveryWork {
  deliveryId: string;
  messageId: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  endpoint: {
    id: string;
    url: string;
    secret: string;
    previousSecret: string | null;
    previousSecretExpiresAt: Date | null;
    disabledAt: Date | null;
  };
  event: { id: string; type: WebhookEventType; payload: unknown; createdAt: Date };
}

export interface WebhookAttemptLog {
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

export interface RecordAttemptInput {
  deliveryId: string;
  endpointId: string;
  attempt: WebhookAttemptLog;
  outcome: { kind: 'delivered' } | { kind: 'retry'; nextAttemptAt: Date } | { kind: 'failed' };
  /** Disable the endpoint now with this reason (e.g. it answered 410 Gone). */
  disableReason?: string;
  /** An endpoint failing continuously for this long is disabled (5 days). */
  failingLimitMs: number;
}

/** The worker's side of deliveries: claim an attempt, record how it went, find lost ones. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly secrets: WebhookSecretBox,
  ) {}

  async load(deliveryId: string): Promise<WebhookDeliveryWork | null> {
    const row = await this.prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true, event: true } });
    if (!row) return null;
    return {
      deliveryId: row.id,
      messageId: row.messageId,
      status: row.status as WebhookDeliveryStatus,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      endpoint: {
        id: row.endpoint.id,
        url: row.endpoint.url,
        secret: this.secrets.open(row.endpoint.secret),
        previousSecret: row.endpoint.previousSecret === null ? null : this.secrets.open(row.endpoint.previousSecret),
        previousSecretExpiresAt: row.endpoint.previousSecretExpiresAt,
        disabledAt: row.endpoint.disabledAt,
      },
      event: { id: row.event.id, type: row.event.type as WebhookEventType, payload: row.event.payload, createdAt: row.event.createdAt },
    };
  }

  /**
   * Takes the next attempt for this worker: only if nobody took it since `load` (attempts unchanged)
   * and it is due. The lease pushes nextAttemptAt forward so the reconciler leaves it alone while it
   * is being sent; a worker that dies mid-send is covered once the lease has passed.
   */
  async claimAttempt(deliveryId: string, expectedAttempts: number, dueBy: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.prisma.webhookDelivery.updateMany({
      where: {
        id: deliveryId,
        attempts: expectedAttempts,
        status: { in: [...ACTIVE_DELIVERY_STATUSES] },
        OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: dueBy } }],
      },
      data: { attempts: { increment: 1 }, nextAttemptAt: leaseUntil },
    });
    return result.count === 1;
  }

  /**
   * Logs the attempt and moves the delivery on, in one transaction. A failure marks the endpoint
   * failing (since the first failure after its last success); past the limit, or on `disableReason`,
   * the endpoint is disabled, its other deliveries cancelled and `endpoint.disabled` put in the outbox.
   */
  async recordAttempt(input: RecordAttemptInput): Promise<{ status: WebhookDeliveryStatus; endpointDisabled: boolean }> {
    const { deliveryId, endpointId, attempt, outcome } = input;
    return this.prisma.$transaction(async (tx) => {
      await tx.webhookAttempt.create({ data: { deliveryId, ...attempt } });
      if (outcome.kind === 'delivered') {
        await tx.webhookDelivery.update({
          where: { id: deliveryId },
          data: { status: 'delivered', deliveredAt: attempt.at, lastStatus: attempt.statusCode, nextAttemptAt: null },
        });
        await tx.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null } });
        return { status: 'delivered' as const, endpointDisabled: false };
      }
      const [endpoint] = await tx.$queryRaw<Array<{ url: string; failingSince: Date; disabledAt: Date | null }>>`
        UPDATE webhook_endpoints SET "failingSince" = COALESCE("failingSince", ${attempt.at})
         WHERE id = ${endpointId}::uuid
     RETURNING url, "failingSince", "disabledAt"`;
      let reason = input.disableReason ?? null;
      if (!reason && endpoint && attempt.at.getTime() - endpoint.failingSince.getTime() >= input.failingLimitMs) {
        reason = `failing continuously since ${endpoint.failingSince.toISOString()}`;
      }
      const endpointDisabled = Boolean(reason && endpoint && !endpoint.disabledAt);
      if (endpointDisabled && endpoint && reason) {
        await disableEndpoint(tx, { endpointId, url: endpoint.url, reason, failingSince: endpoint.failingSince, exceptDeliveryId: deliveryId });
      }
      const status: WebhookDeliveryStatus = outcome.kind === 'retry' && !reason ? 'retrying' : 'failed';
      await tx.webhookDelivery.update({
        where: { id: deliveryId },
        data: { status, lastStatus: attempt.statusCode, nextAttemptAt: status === 'retrying' && outcome.kind === 'retry' ? outcome.nextAttemptAt : null },
      });
      return { status, endpointDisabled };
    });
  }

  /** A delivery whose endpoint is disabled is not attempted; it can be replayed once re-enabled. */
  async cancel(deliveryId: string): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { id: deliveryId, status: { in: [...ACTIVE_DELIVERY_STATUSES] } },
      data: { status: 'cancelled', nextAttemptAt: null },
    });
  }

  /**
   * Deliveries whose next attempt should have started before `before` but did not (their job was
   * lost: a worker died between commit and enqueue, Redis lost data). Returns the attempt number due.
   */
  async findOverdue(before: Date, limit = 500): Promise<Array<{ deliveryId: string; attempt: number }>> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { status: { in: [...ACTIVE_DELIVERY_STATUSES] }, nextAttemptAt: { lt: before } },
      select: { id: true, attempts: true },
      orderBy: { nextAttemptAt: 'asc' },
      take: limit,
    });
    return rows.map((r) => ({ deliveryId: r.id, attempt: r.attempts + 1 }));
  }
}

async function disableEndpoint(
  tx: Tx,
  input: { endpointId: string; url: string; reason: string; failingSince: Date | null; exceptDeliveryId: string },
): Promise<void> {
  const at = new Date();
  await tx.webhookEndpoint.update({ where: { id: input.endpointId }, data: { disabledAt: at, disabledReason: input.reason } });
  await tx.webhookDelivery.updateMany({
    where: { endpointId: input.endpointId, id: { not: input.exceptDeliveryId }, status: { in: [...ACTIVE_DELIVERY_STATUSES] } },
    data: { status: 'cancelled', nextAttemptAt: null },
  });
  // The owner learns through any other endpoint subscribed to endpoint.disabled (never this one).
  await appendOutboxEvent(tx, 'endpoint.disabled', {
    endpointId: input.endpointId,
    url: input.url,
    reason: input.reason,
    failingSince: input.failingSince?.toISOString() ?? null,
  });
}
