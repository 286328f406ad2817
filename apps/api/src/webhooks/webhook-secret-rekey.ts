import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhookEndpointRepository } from '@listinglens/data-access';

/**
 * At start, seals webhook secrets still in plain text (rows from before encryption at rest) and
 * re-seals those under a key other than WEBHOOK_SECRET_ACTIVE_KEY: adding a key in front of
 * WEBHOOK_SECRET_KEYS and restarting the api is the whole rotation; the old key can go after that.
 */
@Injectable()
export class WebhookSecretRekey implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookSecretRekey.name);

  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const changed = await this.endpoints.rekeySecrets();
    if (changed > 0) this.logger.log(`webhook secrets sealed with the active key: ${changed} endpoint(s)`);
  }
}
