import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, isWebhookSecret } from './webhook-secret';

describe('webhook secrets', () => {
  it('are whsec_ plus base64 of 32 random bytes, different every time', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(isWebhookSecret(a)).toBe(true);
  });

  it('are accepted by the standardwebhooks package as they are', () => {
    expect(() => new Webhook(generateWebhookSecret())).not.toThrow();
  });

  it('recognises what is not one', () => {
    expect(isWebhookSecret('sk_live_abc')).toBe(false);
    expect(isWebhookSecret('whsec_short')).toBe(false);
    expect(isWebhookSecret('whsec_not base64!')).toBe(false);
  });
});
