import { describe, expect, it } from 'vitest';
import { maskContact } from '@listinglens/text-detectors/mask-contact';
import { maskPersonalData, publicSubmission } from './public-text';

const NOTE =
  'Seller wrote WeChat: seller8888 and +86 138 0013 8000 or mail shop.owner@example.com, 加微信 vx：abc_12345, ' +
  'see shop-outlet.com; contact person: Zhang Wei, Mr Smith, 联系人：张伟, 王先生 called.';

describe('maskPersonalData', () => {
  it('masks phones, e-mails, WeChat ids, domains and names, as sellers see contacts masked', () => {
    const out = maskPersonalData(NOTE);
    for (const personal of ['seller8888', '138 0013 8000', 'shop.owner@', 'abc_12345', 'shop-outlet', 'Zhang Wei', 'Smith', '张伟', '王先生']) {
      expect(out).not.toContain(personal);
    }
    // The seller-view masking, not another one: the masked forms are maskContact's.
    expect(out).toContain(`WeChat: ${maskContact('seller8888')}`);
    expect(out).toContain(maskContact('+86 138 0013 8000'));
    expect(out).toContain(maskContact('shop.owner@example.com'));
    expect(out).toContain('加微信'); // an invitation alone names no one
  });

  it('masks a phone number whole even where the parser stops short of it (before a comma)', () => {
    const out = maskPersonalData('call +86 138 0013 8000, thanks');
    expect(out).toBe(`call ${maskContact('+86 138 0013 8000')}, thanks`);
  });

  it('changes nothing the second time, and leaves ordinary text and prices alone', () => {
    const once = maskPersonalData(NOTE);
    expect(maskPersonalData(once)).toBe(once);
    const plain = 'Price shown $1,299.00 vs listing 20 EUR; WAS 99 NOW 49 (-50%). Generated, not disclosed.';
    expect(maskPersonalData(plain)).toBe(plain);
  });
});

describe('publicSubmission', () => {
  it('masks every free-text field and keeps only the database fields', () => {
    const sent = publicSubmission({
      puid: 'll-1',
      incompatible_content_explanation: `Reviewer's note: ${NOTE}`,
      decision_facts: '- Image 1 shows an off-platform contact ("wx: s***").\n- Image 2 text "call 13800138000".',
      incompatible_content_ground: 'Terms 4.2',
      rule_ids: ['x'],
    });
    expect(JSON.stringify(sent)).not.toMatch(/seller8888|13800138000|Zhang Wei/);
    expect(sent).not.toHaveProperty('rule_ids');
    expect(sent['puid']).toBe('ll-1');
  });
});
