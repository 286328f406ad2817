import { describe, expect, it } from 'vitest';
import { bestRead } from './tesseract-line-rereader';

describe('bestRead', () => {
  it('takes the read likely to hold more right glyphs, not the more confident shorter one', () => {
    const whole = { text: '피부결개선만족도', confidence: 0.94 };
    const part = { text: '개선만족도', confidence: 0.97 };
    expect(bestRead([whole, part])).toBe(whole);
    expect(bestRead([part, whole])).toBe(whole);
  });

  it('takes a confident read over a long unsure one, and skips reads that found nothing', () => {
    const garbage = { text: '夕二赤肥呈央 EXTRA15', confidence: 0.3 };
    const keyed = { text: 'クーポンコード EXTRA15', confidence: 0.9 };
    expect(bestRead([garbage, null, keyed])).toBe(keyed);
    expect(bestRead([null, null])).toBeNull();
  });
});
