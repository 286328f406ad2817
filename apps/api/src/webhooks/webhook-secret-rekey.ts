import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhookEndpointRepository } from '@listinglens/data-access';

/**
 * At start, seals webhook secrets still in plain text (rows from before encryption at rest) and
 * re-seals those under a key other than WEBHOOK_SECRET_ACTIVE_KEY. Rotation is three restarts, in this
 * order (README "Configuration"; test/webhooks/webhook-secret-at-rest.test.ts): the workers learn the new
 * key (listed after the old one), then the api seals with it (listed first), then the old key goes.
 * An api that seals first leaves workers that cannot open the secrets: their deliveries fail.
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
