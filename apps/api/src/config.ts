import { parseSettings } from '@listinglens/contracts';
import { z } from 'zod';
import { withWebhookSecretBox } from '@listinglens/data-access';

/** The key .env.example ships: everyone can read it, so it only works in development. */
export const EXAMPLE_ADMIN_KEY = 'change-me-to-a-long-random-string';

/** Every setting the api reads, validated once at start (see .env.example). */
export const apiConfigSchema = z.object({
  NODE_ENV: z.string().default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('listinglens'),
  BOOTSTRAP_ADMIN_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  /** Request bodies carry base64 images: 20 images × a few MB. */
  BODY_LIMIT_MB: z.coerce.number().positive().default(64),
  IMAGE_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Webhook hosts allowed to resolve to private addresses: the worker's rule, also applied at registration. */
  WEBHOOK_ALLOW_HOSTS: z.string().default(''),
  /**
   * Where a seller appeals a notice on the marketplace's own pages, named in every notice's appeal
   * sentence; `{noticeId}` and `{puid}` are filled in. Unset: the notice says "in your seller centre".
   */
  NOTICE_APPEAL_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .url()
      .refine((u) => /^https?:/.test(u), 'must be an http(s) URL')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** "id:base64key,..." sealing webhook secrets at rest; the active one seals (default: the first). */
  WEBHOOK_SECRET_KEYS: z.string().optional(),
  WEBHOOK_SECRET_ACTIVE_KEY: z.string().optional(),
}).refine((c) => c.BOOTSTRAP_ADMIN_KEY !== EXAMPLE_ADMIN_KEY || c.NODE_ENV === 'development', {
  path: ['BOOTSTRAP_ADMIN_KEY'],
  message: 'is the published example key: set your own (e.g. `openssl rand -hex 24`); it is accepted only with NODE_ENV=development',
}).transform(withWebhookSecretBox);
export type ApiConfig = z.infer<typeof apiConfigSchema>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseSettings(apiConfigSchema, env, 'api configuration');
}

export const API_CONFIG = Symbol('API_CONFIG');
