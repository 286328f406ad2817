import { describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { buildEnvelope, serializeEnvelope, webhookMessageId } from './webhook-envelope';
import { generateWebhookSecret } from './webhook-secret';
import { activeSigningSecrets, signWebhook } from './webhook-signature';

const body = serializeEnvelope(
  buildEnvelope('notice.appealed', { noticeId: 'n1', listingId: 'l1', sellerId: 's1', reviewItemId: 'r1' }, new Date('2026-11-22T10:00:00Z')),
);

describe('webhook signatures', () => {
  it('verify with the standardwebhooks package and carry the message id and attempt time', () => {
    const secret = generateWebhookSecret();
    const at = new Date();
    const headers = signWebhook('msg_1', body, [secret], at);
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('fail verification with another secret or a changed body', () => {
    const headers = signWebhook('msg_1', body, [generateWebhookSecret()]);
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(generateWebhookSecret()).verify(`${body} `, { ...headers })).toThrow(WebhookVerificationError);
  });

  it('during a rotation carry one signature per secret, and either secret verifies', () => {
    const current = generateWebhookSecret();
    const previous = generateWebhookSecret();
    const headers = signWebhook('msg_2', body, [current, previous]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
  });

  it('refuse to sign with no secret', () => {
    expect(() => signWebhook('msg_3', body, [])).toThrow(/secret/);
  });
});

describe('active signing secrets', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('include the previous secret only until its overlap ends', () => {
    const endpoint = { secret: 'new', previousSecret: 'old', previousSecretExpiresAt: new Date('2026-11-23T11:59:59Z') };
    expect(activeSigningSecrets(endpoint, now)).toEqual(['new', 'old']);
    expect(activeSigningSecrets(endpoint, new Date('2026-11-23T12:00:00Z'))).toEqual(['new']);
    expect(activeSigningSecrets({ secret: 'only', previousSecret: null, previousSecretExpiresAt: null }, now)).toEqual(['only']);
  });
});

describe('envelope', () => {
  it('is {type, timestamp, data} with the time the event happened, and one message id per event', () => {
    expect(JSON.parse(body)).toEqual({
      type: 'notice.appealed',
      timestamp: '2026-11-22T10:00:00.000Z',
      data: { noticeId: 'n1', listingId: 'l1', sellerId: 's1', reviewItemId: 'r1' },
    });
    expect(webhookMessageId('0b7c9a52-1111-4222-8333-444455556666')).toBe('msg_0b7c9a52-1111-4222-8333-444455556666');
  });
});
