import { describe, expect, it } from 'vitest';
import { findingFromRow } from './finding-row';

const row = {
  id: 'f-1',
  scanId: 's-1',
  code: 'provenance.unverified',
  severity: 'info',
  confidence: 0.5,
  imagePosition: 0,
  evidence: { summary: 'The image carries a C2PA manifest that did not validate.', c2pa: null, c2paError: 'truncated JUMBF box' },
  ruleId: 'provenance.unverified.c2pa',
  ruleVersion: 1,
  createdAt: new Date(),
};

describe('findingFromRow', () => {
  it('returns the finding of a stored row (its other columns are not part of it)', () => {
    const f = findingFromRow(row);
    expect(f).toEqual({ code: row.code, severity: 'info', confidence: 0.5, imagePosition: 0, evidence: row.evidence, ruleId: row.ruleId, ruleVersion: 1 });
  });

  it('refuses a row whose evidence does not match its code, naming the rule', () => {
    expect(() => findingFromRow({ ...row, evidence: { summary: 'unverified', c2pa: null } })).toThrow(/provenance\.unverified \(provenance\.unverified\.c2pa v1\).*c2paError/s);
    expect(() => findingFromRow({ ...row, code: 'ai.provenance' })).toThrow(/does not match its schema/);
  });
});
