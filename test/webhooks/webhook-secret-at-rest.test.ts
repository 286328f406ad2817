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
    const parts = sealed.split(':');
    // Flip one bit of the ciphertext: a changed character could decode to the same bytes, a flipped bit cannot.
    const body = Buffer.from(parts[parts.length - 1], 'base64url');
    body[randomBytes(1)[0] % body.length] ^= 1 << (randomBytes(1)[0] % 8);
    const flipped = [...parts.slice(0, -1), body.toString('base64url')].join(':');
    expect(flipped).not.toBe(sealed);
    expect(() => box.open(flipped)).toThrow();
  });

  it('rotation: the workers learn the new key before the api seals with it, then the old key goes', async () => {
    const api = (spec: string) => new WebhookEndpointRepository(prisma, parseWebhookSecretKeys(spec));
    const secret = generateWebhookSecret();
    const endpoint = await api(K1).create({ url: 'https://example.com/rotate', events: ['scan.completed'], secret, ownerKeyId: null });
    const workerOpens = async (spec: string) => parseWebhookSecretKeys(spec).open((await rowOf(endpoint.id)).secret);

    // 1. Workers restart with the new key listed after the old one: they still seal nothing new, open both.
    const worker = `${K1},${K2}`;
    expect(parseWebhookSecretKeys(worker).activeKeyId).toBe('k1');
    expect(await workerOpens(worker)).toBe(secret);
    // 2. The api restarts with the new key first: it re-seals every row under k2, which the workers know.
    await api(`${K2},${K1}`).rekeySecrets();
    expect((await rowOf(endpoint.id)).secret).toMatch(/^enc:v1:k2:/);
    expect(await workerOpens(worker)).toBe(secret);
    // The other order fails: a worker that has not learnt k2 cannot open what the api sealed (its deliveries fail).
    await expect(workerOpens(K1)).rejects.toThrow(/sealed with key "k2", which WEBHOOK_SECRET_KEYS does not list/);
    // 3. Then k1 goes, from the workers and the api.
    expect(await workerOpens(K2)).toBe(secret);
  });

  it('start-up refuses a missing, short or published key outside development/test', () => {
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production' })).toThrow(/is not set/);
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: 'k1:c2hvcnQ=' })).toThrow(/needs 32/);
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: K1, WEBHOOK_SECRET_ACTIVE_KEY: 'k9' })).toThrow(/not among/);
    expect(webhookSecretBoxFromEnv({ NODE_ENV: 'test' }).activeKeyId).toBe('dev');
    expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: EXAMPLE_WEBHOOK_SECRET_KEYS })).toThrow(/published example key/);
  });

  it("the example key's bytes are refused wherever they appear: in a list, under any key id, in any base64 spelling", () => {
    const bytes = EXAMPLE_WEBHOOK_SECRET_KEYS.split(':')[1];
    const unpadded = Buffer.from(bytes, 'base64').toString('base64url');
    for (const spec of [`${K1},dev:${bytes}`, `prod:${bytes}`, `${K1},k9:${unpadded}`, `prod:${bytes},${K1}`]) {
      expect(() => webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: spec }), spec).toThrow(/holds the published example key/);
      expect(webhookSecretBoxFromEnv({ NODE_ENV: 'development', WEBHOOK_SECRET_KEYS: spec }).activeKeyId).toBeTruthy();
    }
    expect(webhookSecretBoxFromEnv({ NODE_ENV: 'production', WEBHOOK_SECRET_KEYS: `${K1},${K2}` }).activeKeyId).toBe('k1');
  });
});
