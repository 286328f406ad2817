import { Webhook } from 'standardwebhooks';

/** How long a rotated-out secret keeps signing alongside the new one, so receivers can switch over. */
export const SECRET_ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface EndpointSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** The secrets that sign right now: the current one first, then the previous one during its overlap. */
export function activeSigningSecrets(endpoint: EndpointSecrets, now: Date = new Date()): string[] {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(endpoint.previousSecret);
  }
  return secrets;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Standard Webhooks headers for one attempt. Each secret contributes a `v1,<base64 HMAC-SHA256>` over
 * `id.timestamp.body`; several are space-separated, which the spec allows for rotation — a receiver
 * holding either secret verifies. The timestamp is the attempt's time: receivers reject old ones.
 */
export function signWebhook(messageId: string, body: string, secrets: readonly string[], at: Date = new Date()): WebhookHeaders {
  if (secrets.length === 0) throw new Error('at least one signing secret is required');
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
