import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_WEBHOOK_SECRET_KEYS, parseWebhookSecretKeys, PrismaService, WebhookEndpointRepository, webhookSecretBoxFromEnv } from '@listinglens/data-access';
import { generateWebhookSecret } from '@listinglens/webhooks';
import { createTestDatabase, type TestDatabase } from '../support/database';

const key = () => randomBytes(32).toString('base64');
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;

/** Issue 10 defect 7b: a database dump alone never yields a webhook signing secret. */
describe('webhook secrets at rest', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  beforeAll(async () => {
    db = await createTestDatabase('whsecret');
    prisma = new PrismaService(db.url, 2);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  const rowOf = async (id: string) =>
    (await db.query<{ secret: string; previousSecret: string | null }>('SELECT secret, "previousSecret" FROM webhook_endpoints WHERE id = $1', [id]))[0];

  it('the row holds AES-GCM ciphertext under the key id, never the secret; rotation keeps both sealed', async () => {
    const box = parseWebhookSecretKeys(K1);
    const repo = new WebhookEndpointRepository(prisma, box);
    const secret = generateWebhookSecret();
    const endpoint = await repo.create({ url: 'https://example.com/hook', events: ['scan.completed'], secret, ownerKeyId: null });
    const row = await rowOf(endpoint.id);
    expect(row.secret).not.toContain(secret.slice(6, 30));
    expect(row.secret).toMatch(/^enc:v1:k1:/);
    expect(box.open(row.secret)).toBe(secret);

    const next = generateWebhookSecret();
    await repo.rotateSecret(endpoint.id, next, 60_000);
    const rotated = await rowOf(endpoint.id);
    expect([rotated.secret, rotated.previousSecret].join()).not.toContain(next.slice(6, 30));
    expect(box.open(rotated.secret)).toBe(next);
    expect(box.open(rotated.previousSecret ?? '')).toBe(secret);
  });

  it('a new active key re-seals old rows and plain-text rows at start; the old key can then go', async () => {
    const old = new WebhookEndpointRepository(prisma, parseWebhookSecretKeys(K1));
    const secret = generateWebhookSecret();
    const sealed = await old.create({ url: 'https://example.com/a', events: ['scan.completed'], secret, ownerKeyId: null });
    const legacy = generateWebhookSecret();
    const [{ id: plainId }] = await db.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (id, url, events, secret) VALUES (gen_random_uuid(), 'https://example.com/b', '{scan.completed}', $1) RETURNING id`,
      [legacy],
    );

    const both = parseWebhookSecretKeys(`${K2},${K1}`);
    expect(both.activeKeyId).toBe('k2');
    await new WebhookEndpointRepository(prisma, both).rekeySecrets();

    const onlyNew = parseWebhookSecretKeys(K2);
    const a = await rowOf(sealed.id);
    const b = await rowOf(plainId);
    expect(a.secret).toMatch(/^enc:v1:k2:/);
    expect(b.secret).toMatch(/^enc:v1:k2:/);
    expect(onlyNew.open(a.secret)).toBe(secret);
    expect(onlyNew.open(b.secret)).toBe(legacy);
    expect(() => parseWebhookSecretKeys(K1).open(a.secret)).toThrow(/key "k2"/);
  });

  it('a tampered ciphertext is refused (GCM tag)', () => {
    const box = parseWebhookSecretKeys(K1);
    const sealed = box.seal('whsec_abc');
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => box.open(flipped)).toThrow();
  });

  it('start-up refuses a missing, short or published key outside development/test', () => {
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production' })).toThrow(/is not set/);
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: 'k1:c2hvcnQ=' })).toThrow(/needs 32/);
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: K1, WEBHOOK_SECRET_ACTIVE_KEY: 'k9' })).toThrow(/not among/);
    expect(webhookSecretBoxFromEnv({ NODE_ENV: 'test' }).activeKeyId).toBe('dev');
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: EXAMPLE_WEBHOOK_SECRET_KEYS })).toThrow(/published example key/);
  });
});
