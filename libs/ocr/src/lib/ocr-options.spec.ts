import { describe, expect, it } from 'vitest';
import { ocrSettingsFingerprint, resolveOcrOptions } from './ocr-options';

describe('resolveOcrOptions', () => {
  it('defaults to English + Simplified Chinese and a pool per core', () => {
    const o = resolveOcrOptions();
    expect(o.languages).toEqual(['eng', 'chi_sim']);
    expect(o.poolSize).toBeGreaterThanOrEqual(1);
  });
  it('merges preprocessing overrides and refuses unknown languages', () => {
    expect(resolveOcrOptions({ preprocess: { maxUpscale: 2 } }).preprocess.tileAspect).toBe(3);
    expect(() => resolveOcrOptions({ languages: ['xx' as 'eng'] })).toThrow(/unsupported/);
    expect(() => resolveOcrOptions({ poolSize: 0 })).toThrow();
  });
  it('takes a profile as a preset that explicit options override', () => {
    expect(resolveOcrOptions()).toMatchObject({ languageSource: 'auto', pageSegMode: '6' });
    expect(resolveOcrOptions({ profile: 'fast' })).toMatchObject({ languageSource: 'debian', pageSegMode: '3' });
    expect(resolveOcrOptions({ profile: 'fast', pageSegMode: '6' })).toMatchObject({ languageSource: 'debian', pageSegMode: '6' });
    const tesseract = { engine: 'tesseract' } as const;
    expect(ocrSettingsFingerprint(resolveOcrOptions({ ...tesseract, profile: 'fast' }), 'v')).not.toBe(ocrSettingsFingerprint(resolveOcrOptions(tesseract), 'v'));
  });
  it('fingerprints what changes the output, not the pool size', () => {
    const a = ocrSettingsFingerprint(resolveOcrOptions({ poolSize: 1 }), 'v');
    expect(ocrSettingsFingerprint(resolveOcrOptions({ poolSize: 4 }), 'v')).toBe(a);
    expect(ocrSettingsFingerprint(resolveOcrOptions({ languages: ['eng', 'kor'] }), 'v')).not.toBe(a);
  });
});
