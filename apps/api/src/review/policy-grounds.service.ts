import { Injectable } from '@nestjs/common';
import { PolicyRepository } from '@listinglens/data-access';
import { DEFAULT_POLICY, policyGrounds, policyRulesSchema } from '@listinglens/policy';

/** The grounds a marketplace's live policy defines (the committed default when it has none stored). */
@Injectable()
export class PolicyGroundsService {
  constructor(private readonly policies: PolicyRepository) {}

  async forMarketplace(marketplace: string): Promise<string[]> {
    const { live } = await this.policies.active(marketplace);
    return policyGrounds(live ? policyRulesSchema.parse(live.rules) : DEFAULT_POLICY.rules);
  }
}
