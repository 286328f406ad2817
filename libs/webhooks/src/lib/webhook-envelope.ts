import type { WebhookEnvelope, WebhookEventPayloads, WebhookEventType } from '@listinglens/contracts';

/** The webhook-id of an event's delivery: the same for every endpoint, attempt and replay of it. */
export function webhookMessageId(eventId: string): string {
  return `msg_${eventId}`;
}

/** `{type, timestamp, data}` as the Standard Webhooks spec shapes a payload; timestamp = when the event happened. */
export function buildEnvelope<T extends WebhookEventType>(type: T, data: WebhookEventPayloads[T], occurredAt: Date): WebhookEnvelope<T> {
  return { type, timestamp: occurredAt.toISOString(), data };
}

/** The exact bytes that are signed and sent: serialised once so every attempt sends the same body. */
export function serializeEnvelope(envelope: WebhookEnvelope): string {
  return JSON.stringify(envelope);
}
