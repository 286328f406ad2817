import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
// The address rule alone (no sharp): the api never loads the image pipeline.
import { isAllowedHost, isPrivateAddress, urlHost } from '@listinglens/pipeline/ssrf-guard';
import { ValidationError } from '../common/api-error';

/**
 * Webhook URLs are checked when registered with the rule deliveries use (same WEBHOOK_ALLOW_HOSTS):
 * endpoints at private, loopback and metadata addresses used to be accepted and refused only at delivery.
 * A name is resolved once here; delivery still checks the address it connects to (DNS can change).
 * A name that does not resolve now is accepted: delivery will tell.
 */
export class WebhookUrlPolicy {
  constructor(private readonly allowHosts: ReadonlySet<string>) {}

  async assertDeliverable(rawUrl: string, field = 'url'): Promise<void> {
    const url = new URL(rawUrl);
    const host = urlHost(url);
    if (isAllowedHost(this.allowHosts, url)) return;
    const refuse = (address: string) => {
      const how = address === host ? '' : ` (it resolves to ${address})`;
      throw new ValidationError([{ field, message: `${host} is a private or reserved address${how}; not in WEBHOOK_ALLOW_HOSTS` }]);
    };
    if (isIP(host)) {
      if (isPrivateAddress(host)) refuse(host);
      return;
    }
    let addresses: Array<{ address: string }>;
    try {
      addresses = await lookup(host, { all: true });
    } catch {
      return;
    }
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) refuse(bad.address);
  }
}
