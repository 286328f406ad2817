import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '@listinglens/contracts';
import { PrismaService } from './prisma.service';
import { WebhookSecretBox } from './webhook-secret-box';

/** An endpoint as its owner may see it: never the secrets. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: WebhookEventType[];
  ownerKeyId: string | null;
  createdAt: string;
  /** While set, the previous secret still signs alongside the current one. */
  previousSecretExpiresAt: string | null;
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
}

export interface NewWebhookEndpoint {
  url: string;
  events: WebhookEventType[];
  secret: string;
  ownerKeyId: string | null;
}

type EndpointRow = {
  id: string;
  url: string;
  events: string[];
  ownerKeyId: string | null;
  createdAt: Date;
  previousSecretExpiresAt: Date | null;
  failingSince: Date | null;
  disabledAt: Date | null;
  disabledReason: string | null;
};

const VIEW_FIELDS = {
  id: true,
  url: true,
  events: true,
  ownerKeyId: true,
  createdAt: true,
  previousSecretExpiresAt: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
} as const;

/** Registration and management of webhook endpoints (the API side). */
@Injectable()
export class WebhookEndpointRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly secrets: WebhookSecretBox,
  ) {}

  async create(input: NewWebhookEndpoint): Promise<WebhookEndpointView> {
    const data = { ...input, secret: this.secrets.seal(input.secret) };
    const row = await this.prisma.webhookEndpoint.create({ data, select: VIEW_FIELDS });
    return toView(row);
  }

  async list(): Promise<WebhookEndpointView[]> {
    const rows = await this.prisma.webhookEndpoint.findMany({ select: VIEW_FIELDS, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toView);
  }

  async findById(id: string): Promise<WebhookEndpointView | null> {
    const row = await this.prisma.webhookEndpoint.findUnique({ where: { id }, select: VIEW_FIELDS });
    return row ? toView(row) : null;
  }

  /**
   * Makes `newSecret` current; the current one becomes the previous and keeps signing until
   * now + overlapMs. One statement, so two concurrent rotations cannot lose a secret in between
   * (the right-hand sides of SET read the row as it was). Both stay sealed: the current one moves as is.
   */
  async rotateSecret(id: string, newSecret: string, overlapMs: number): Promise<{ previousSecretExpiresAt: string } | null> {
    const expiresAt = new Date(Date.now() + overlapMs);
    const sealed = this.secrets.seal(newSecret);
    const rows = await this.prisma.$queryRaw<Array<{ previousSecretExpiresAt: Date }>>`
      UPDATE webhook_endpoints
         SET "previousSecret" = secret, "previousSecretExpiresAt" = ${expiresAt}, secret = ${sealed}
       WHERE id = ${id}::uuid
   RETURNING "previousSecretExpiresAt"`;
    return rows[0] ? { previousSecretExpiresAt: rows[0].previousSecretExpiresAt.toISOString() } : null;
  }

  /**
   * Seals plain-text secrets (rows from before encryption) and re-seals those under an older key with
   * the active one; the api runs it at start. A row changed meanwhile (a rotation) is left to it.
   */
  async rekeySecrets(): Promise<number> {
    const rows = await this.prisma.webhookEndpoint.findMany({ select: { id: true, secret: true, previousSecret: true } });
    let changed = 0;
    for (const row of rows) {
      const stale = this.secrets.needsRekey(row.secret) || (row.previousSecret !== null && this.secrets.needsRekey(row.previousSecret));
      if (!stale) continue;
      const reseal = (stored: string) => (this.secrets.needsRekey(stored) ? this.secrets.seal(this.secrets.open(stored)) : stored);
      const result = await this.prisma.webhookEndpoint.updateMany({
        where: { id: row.id, secret: row.secret, previousSecret: row.previousSecret },
        data: { secret: reseal(row.secret), previousSecret: row.previousSecret === null ? null : reseal(row.previousSecret) },
      });
      changed += result.count;
    }
    return changed;
  }

  /** Turns a disabled endpoint back on with a clean failure record. */
  async enable(id: string): Promise<WebhookEndpointView | null> {
    const result = await this.prisma.webhookEndpoint.updateMany({
      where: { id },
      data: { disabledAt: null, disabledReason: null, failingSince: null },
    });
    return result.count === 0 ? null : this.findById(id);
  }

  /** Deletes the endpoint with its deliveries and attempts (cascade). */
  async delete(id: string): Promise<boolean> {
    const result = await this.prisma.webhookEndpoint.deleteMany({ where: { id } });
    return result.count > 0;
  }
}

function toView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    ownerKeyId: row.ownerKeyId,
    createdAt: row.createdAt.toISOString(),
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? row.previousSecretExpiresAt.toISOString() : null,
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
  };
}
