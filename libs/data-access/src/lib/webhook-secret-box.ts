import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { NEVER, type RefinementCtx } from 'zod';

/**
 * Webhook signing secrets at rest: AES-256-GCM, stored as `enc:v1:<keyId>:<iv>:<tag>:<ciphertext>`
 * (base64url). The key id travels with the ciphertext, so old rows stay readable after the active key
 * changes and can be re-encrypted under it (`needsRekey`). A database dump alone never yields a secret.
 */
const PREFIX = 'enc:v1:';

/** Published in .env.example and used when nothing is set: accepted only with NODE_ENV=development/test. */
export const EXAMPLE_WEBHOOK_SECRET_KEYS = 'dev:ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYnk=';

export class WebhookSecretBox {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {
    if (!keys.has(activeKeyId)) throw new Error(`active key ${activeKeyId} is not among the keys`);
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return PREFIX + [this.activeKeyId, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
  }

  /** Plain text (a row written before encryption) is returned as it is; the api re-encrypts it at start. */
  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const [keyId, iv, tag, body] = stored.slice(PREFIX.length).split(':');
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Plain text, or sealed under a key other than the active one. */
  needsRekey(stored: string): boolean {
    return !stored.startsWith(`${PREFIX}${this.activeKeyId}:`);
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`webhook secret sealed with key "${id}", which WEBHOOK_SECRET_KEYS does not list`);
    return key;
  }
}

/**
 * `WEBHOOK_SECRET_KEYS="k2:<base64 32 bytes>,k1:<base64 32 bytes>"`; the active key is `activeKeyId`
 * or else the first listed. Throws a message meant for the operator (no key material in it).
 */
export function parseWebhookSecretKeys(spec: string, activeKeyId?: string): WebhookSecretBox {
  const keys = parseKeyList(spec);
  const active = activeKeyId || [...keys.keys()][0];
  if (!keys.has(active)) throw new Error(`WEBHOOK_SECRET_ACTIVE_KEY "${active}" is not among the listed keys`);
  return new WebhookSecretBox(keys, active);
}

function parseKeyList(spec: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    if (colon < 1 || !/^[\w-]{1,32}$/.test(id)) throw new Error('each entry is <keyId>:<base64 key>, the id letters, digits, _ or -');
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new Error(`key "${id}" is ${key.length} bytes: AES-256 needs 32 (e.g. \`openssl rand -base64 32\`)`);
    if (keys.has(id)) throw new Error(`key id "${id}" is listed twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new Error('no key given: set e.g. WEBHOOK_SECRET_KEYS=k1:$(openssl rand -base64 32)');
  return keys;
}

/** The example key's bytes, whatever id they are listed under. */
const EXAMPLE_KEY_BYTES = Buffer.from(EXAMPLE_WEBHOOK_SECRET_KEYS.slice(EXAMPLE_WEBHOOK_SECRET_KEYS.indexOf(':') + 1), 'base64');

/**
 * The box both apps build from their environment. Without WEBHOOK_SECRET_KEYS, or with the published
 * example key, only development and test start (the same rule as the example admin key).
 */
export function webhookSecretBoxFromEnv(env: { WEBHOOK_SECRET_KEYS?: string; WEBHOOK_SECRET_ACTIVE_KEY?: string; NODE_ENV?: string }): WebhookSecretBox {
  const mayUseExample = env.NODE_ENV === 'development' || env.NODE_ENV === 'test';
  const spec = env.WEBHOOK_SECRET_KEYS?.trim() || (mayUseExample ? EXAMPLE_WEBHOOK_SECRET_KEYS : '');
  if (!spec) throw new Error('is not set: webhook secrets are encrypted at rest with it, e.g. WEBHOOK_SECRET_KEYS=k1:$(openssl rand -base64 32)');
  const box = parseWebhookSecretKeys(spec, env.WEBHOOK_SECRET_ACTIVE_KEY?.trim());
  // Its bytes anywhere in the list (`k1:<real>,dev:<example>`, or under another id) would let anyone
  // holding a database dump open the secrets sealed with it.
  const example = [...parseKeyList(spec)].find(([, bytes]) => bytes.equals(EXAMPLE_KEY_BYTES));
  if (example && !mayUseExample) {
    throw new Error(`holds the published example key (as "${example[0]}"): set your own (\`openssl rand -base64 32\`); it is accepted only with NODE_ENV=development or test`);
  }
  return box;
}

type WebhookSecretEnv = { WEBHOOK_SECRET_KEYS?: string; WEBHOOK_SECRET_ACTIVE_KEY?: string; NODE_ENV?: string };

/**
 * The last step of both apps' config schemas (`.transform(withWebhookSecretBox)`): the box, or a config
 * issue on WEBHOOK_SECRET_KEYS, so the app refuses to start with one clear line.
 */
export function withWebhookSecretBox<T extends WebhookSecretEnv>(c: T, ctx: RefinementCtx): T & { webhookSecretBox: WebhookSecretBox } {
  try {
    return { ...c, webhookSecretBox: webhookSecretBoxFromEnv(c) };
  } catch (err) {
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET_KEYS'], message: err instanceof Error ? err.message : String(err) });
    return NEVER;
  }
}
