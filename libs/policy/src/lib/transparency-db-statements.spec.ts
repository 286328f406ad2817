import { describe, expect, it } from 'vitest';
import { TDB_RULES_VERSION, tdbValidationErrors, toTdbSubmission } from '@listinglens/contracts';
import { everyNotice } from './testing/every-notice';

describe(`statements of reasons against the Transparency Database's rules (${TDB_RULES_VERSION})`, () => {
  const notices = [...everyNotice(null), ...everyNotice(true), ...everyNotice(false)];

  it('covers every decision: restrictions, lifted restrictions and information', () => {
    expect(new Set(notices.map((n) => n.notice.effect))).toEqual(new Set(['restriction', 'restriction_lifted', 'information']));
    expect(notices.length).toBeGreaterThan(300);
  });

  it('every statement the system can write is accepted', () => {
    const refused = notices
      .map(({ name, notice }) => ({ name, errors: tdbValidationErrors(toTdbSubmission(notice.statement)) }))
      .filter((r) => r.errors !== null);
    expect(refused).toEqual([]);
  });

  it('restrictions say what was restricted; only DECISION_VISIBILITY_OTHER carries decision_visibility_other', () => {
    for (const { notice } of notices) {
      const s = notice.statement;
      if (notice.effect === 'restriction') expect(s.decision_visibility).not.toContain('DECISION_VISIBILITY_OTHER');
      expect(s.decision_visibility_other !== undefined).toBe(s.decision_visibility.includes('DECISION_VISIBILITY_OTHER'));
    }
  });

  it('sends none of our own fields to the database', () => {
    const body = toTdbSubmission(notices[0].notice.statement);
    expect(Object.keys(body)).not.toEqual(expect.arrayContaining(['redress']));
    for (const key of ['redress', 'labels', 'policy_version', 'rule_ids']) expect(body).not.toHaveProperty(key);
  });
});

describe('the rules themselves refuse what the database refuses', () => {
  const good = toTdbSubmission(everyNotice(null).find((n) => n.notice.effect === 'restriction')!.notice.statement);
  const refused = (change: Record<string, unknown>) => tdbValidationErrors({ ...good, ...change });

  it.each([
    ['the category dropped in 2025', { category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE' }, 'category'],
    ['the pre-2025 products category', { category: 'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS' }, 'category'],
    ['a keyword removed in 2025', { category_specification: ['KEYWORD_DANGEROUS_TOYS'] }, 'category_specification.0'],
    ['OTHER without decision_visibility_other', { decision_visibility: ['DECISION_VISIBILITY_OTHER'], decision_visibility_other: undefined }, 'decision_visibility_other'],
    ['no restriction at all', { decision_visibility: [] }, 'decision_visibility'],
    ['CONTENT_TYPE_OTHER without content_type_other', { content_type: ['CONTENT_TYPE_OTHER'] }, 'content_type_other'],
    ['an incompatible-content ground without its explanation', { incompatible_content_explanation: ' ' }, 'incompatible_content_explanation'],
    ['an illegal-content ground without the legal ground', { decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' }, 'illegal_content_legal_ground'],
    ['an explanation over 2000 characters', { incompatible_content_explanation: '说'.repeat(2001) }, 'incompatible_content_explanation'],
    ['facts over 5000 characters', { decision_facts: 'f'.repeat(5001) }, 'decision_facts'],
    ['a puid with a slash', { puid: 'll/1' }, 'puid'],
    ['a content date before 2000', { content_date: '1999-12-31' }, 'content_date'],
    ['an application date as a timestamp', { application_date: '2026-11-30T12:00:00Z' }, 'application_date'],
    ['an end date before the application date', { end_date_visibility_restriction: '2020-01-01' }, 'end_date_visibility_restriction'],
    ['a country outside the EEA', { territorial_scope: ['CN'] }, 'territorial_scope.0'],
    ['automated_detection as a boolean', { automated_detection: true }, 'automated_detection'],
  ])('refuses %s', (_name, change, field) => {
    expect(Object.keys(refused(change) ?? {})).toContain(field);
  });

  it('accepts the good statement unchanged', () => {
    expect(tdbValidationErrors(good)).toBeNull();
  });
});
