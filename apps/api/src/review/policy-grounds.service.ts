import { Injectable } from '@nestjs/common';
import { PolicyRepository } from '@listinglens/data-access';
import { DEFAULT_POLICY, policyGrounds, policyRulesSchema } from '@listinglens/policy';

/** The grounds a marketplace's live policy defines (the committed default when it has none stored). */
@Injectable()
export class PolicyGroundsService {
  constructor(private readonly policies: PolicyRepository) {}

  async forMarketplace(marketplace: string): Promise<string[]> {
    return policyGrounds(await this.rules(marketplace));
  }

  /** The grounds, and the one of the first rule that sent the item to review (the likely choice). */
  async forItem(marketplace: string, ruleIds: string[]): Promise<{ grounds: string[]; suggested: string | null }> {
    const rules = await this.rules(marketplace);
    const suggested = ruleIds.map((id) => rules.find((r) => r.id === id)?.ground).find((g) => g !== undefined) ?? null;
    return { grounds: policyGrounds(rules), suggested };
  }

  private async rules(marketplace: string) {
    const { live } = await this.policies.active(marketplace);
    return live ? policyRulesSchema.parse(live.rules) : DEFAULT_POLICY.rules;
  }
}
