import { randomUUID } from 'node:crypto';
import type { Stack } from '../support/stack';
import { type Responder, type WebhookReceiver, waitFor } from './webhook-receiver';

/** Test helpers over one stack and receiver: register endpoints, emit outbox events, read deliveries. */
export function webhookFixtures(stack: () => Stack, receiver: () => WebhookReceiver) {
  const flagged = () => ({
    listingId: randomUUID(),
    reviewItemId: randomUUID(),
    severity: 'high',
    codes: ['ai.undisclosed'],
    policyVersion: 1,
    isAppeal: false,
  });

  const delivery = async (endpointId: string, eventId: string) => {
    const [row] = await stack().db.query<{ id: string; status: string; attempts: number; messageId: string }>(
      `SELECT id, status, attempts, "messageId" FROM webhook_deliveries WHERE "endpointId" = $1 AND "eventId" = $2`,
      [endpointId, eventId],
    );
    return row;
  };

  return {
    flagged,

    /** Registers an endpoint on the receiver's `path` (allow-listed localhost unless `url` is given). */
    async endpoint(path: string, events: string[], responder?: Responder, url?: string): Promise<{ id: string; secret: string }> {
      const res = await stack().request('POST', '/v1/webhook-endpoints', { url: url ?? receiver().url(path), events });
      if (res.status !== 201) throw new Error(`endpoint not created: ${res.status} ${JSON.stringify(res.body)}`);
      receiver().expect(path, [res.body.secret], responder);
      return { id: res.body.id, secret: res.body.secret };
    },

    /** What the lead's flows do in their transactions: append an event to the outbox. */
    async emit(type: string, data: unknown = flagged()): Promise<string> {
      const [row] = await stack().db.query<{ id: string }>(
        `INSERT INTO outbox_events (id, type, payload) VALUES (gen_random_uuid(), $1, $2::jsonb) RETURNING id`,
        [type, JSON.stringify(data)],
      );
      return row.id;
    },

    delivery,

    async waitForDelivery(endpointId: string, eventId: string, statuses: string[], timeoutMs = 20_000) {
      return waitFor(
        `delivery of ${eventId} to ${endpointId} in ${statuses.join('/')}`,
        async () => {
          const row = await delivery(endpointId, eventId);
          return row && statuses.includes(row.status) ? row : undefined;
        },
        timeoutMs,
      );
    },

    /** The delivery log entry of one message, as the API shows it. */
    async logged(endpointId: string, messageId: string) {
      const res = await stack().request('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=100`);
      return (res.body.items as Array<{ messageId: string; status: string; attempts: Array<Record<string, unknown>> }>).find(
        (d) => d.messageId === messageId,
      );
    },

    async endpointState(endpointId: string) {
      return (await stack().request('GET', `/v1/webhook-endpoints/${endpointId}`)).body as {
        disabledAt: string | null;
        disabledReason: string | null;
        failingSince: string | null;
      };
    },
  };
}
