import { Inject, Injectable, Logger } from '@nestjs/common';
import type { WebhookEventPayloads, WebhookEventType } from '@listinglens/contracts';
import { ACTIVE_DELIVERY_STATUSES, WebhookDeliveryRepository, type WebhookDeliveryStatus } from '@listinglens/data-access';
import { WebhookQueueProducer } from '@listinglens/queue';
import {
  activeSigningSecrets,
  buildEnvelope,
  decideAttemptOutcome,
  serializeEnvelope,
  signWebhook,
  type WebhookAttemptResult,
  type WebhookPoster,
} from '@listinglens/webhooks';
import { WEBHOOK_POSTER, WEBHOOKS_CONFIG, type WebhooksConfig } from './webhooks-config';

/** A delayed job may fire a little before the stored time (clocks, rounding): still due. */
const DUE_SLACK_MS = 2_000;
/** Past the request timeout, how long an attempt in flight is left alone before it counts as lost. */
const LEASE_MARGIN_MS = 30_000;

export type DeliveryRunResult = WebhookDeliveryStatus | 'skipped';

/** One delivery attempt: claim it, sign and send it, log it, schedule the next or finish. */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookQueueProducer,
    @Inject(WEBHOOK_POSTER) private readonly poster: WebhookPoster,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
  ) {}

  async deliver(deliveryId: string): Promise<DeliveryRunResult> {
    const work = await this.deliveries.load(deliveryId);
    if (!work || !ACTIVE_DELIVERY_STATUSES.includes(work.status)) return 'skipped'; // finished, or gone with its endpoint
    if (work.endpoint.disabledAt) {
      await this.deliveries.cancel(deliveryId);
      return 'cancelled';
    }
    const now = Date.now();
    const claimed = await this.deliveries.claimAttempt(
      deliveryId,
      work.attempts,
      new Date(now + DUE_SLACK_MS),
      new Date(now + this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS),
    );
    if (!claimed) return 'skipped'; // a duplicate job, or not due yet
    const attempt = work.attempts + 1;

    const type: WebhookEventType = work.event.type;
    const body = serializeEnvelope(buildEnvelope(type, work.event.payload as WebhookEventPayloads[typeof type], work.event.createdAt));
    const at = new Date();
    const headers = signWebhook(work.messageId, body, activeSigningSecrets(work.endpoint, at), at);
    const result = await this.poster.post({ url: work.endpoint.url, headers: { ...headers }, body });

    const decision = decideAttemptOutcome(result, { attempt, schedule: this.config.WEBHOOK_RETRY_SCHEDULE_MS, replay: work.status === 'replaying' });
    const nextAttemptAt = decision.kind === 'retry' ? new Date(Date.now() + decision.delayMs) : null;
    const recorded = await this.deliveries.recordAttempt({
      deliveryId,
      endpointId: work.endpoint.id,
      attempt: attemptLog(result, at),
      outcome: nextAttemptAt ? { kind: 'retry', nextAttemptAt } : { kind: decision.kind === 'delivered' ? 'delivered' : 'failed' },
      disableReason: decision.kind === 'failed' ? decision.disableReason : undefined,
      failingLimitMs: this.config.WEBHOOK_DISABLE_AFTER_MS,
    });
    if (recorded.status === 'retrying' && nextAttemptAt) {
      await this.queue.enqueue([{ deliveryId, attempt: attempt + 1, delayMs: nextAttemptAt.getTime() - Date.now() }]);
    }
    this.logger.log(
      {
        deliveryId,
        endpointId: work.endpoint.id,
        messageId: work.messageId,
        attempt,
        statusCode: result.kind === 'response' ? result.status : null,
        error: result.kind === 'response' ? undefined : result.error,
        latencyMs: result.latencyMs,
        outcome: recorded.status,
        nextAttemptAt,
        endpointDisabled: recorded.endpointDisabled || undefined,
      },
      'webhook attempt',
    );
    return recorded.status;
  }
}

function attemptLog(result: WebhookAttemptResult, at: Date) {
  return result.kind === 'response'
    ? { at, statusCode: result.status, latencyMs: result.latencyMs, error: null, responseExcerpt: result.excerpt }
    : { at, statusCode: null, latencyMs: result.latencyMs, error: result.error.slice(0, 1_000), responseExcerpt: null };
}
