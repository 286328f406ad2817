import { FINDING_CODES as CONTRACT_CODES, SEVERITIES as CONTRACT_SEVERITIES } from '@listinglens/contracts';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, SEVERITIES } from '../../apps/console/src/format';

describe("the console's filter choices", () => {
  it('are the contracts finding codes and severities (gravest first)', () => {
    expect([...FINDING_CODES].sort()).toEqual([...CONTRACT_CODES].sort());
    expect([...SEVERITIES]).toEqual([...CONTRACT_SEVERITIES].reverse());
  });
});
