import { describe, expect, it } from 'vitest';
import { parseBanknoteCues } from './banknote-parser';

describe('parseBanknoteCues', () => {
  it.each([
    ['FEDERAL RESERVE NOTE', 'issuer_text'],
    ['中国人民银行', 'issuer_text'],
    ['BANK OF ENGLAND', 'issuer_text'],
    ['壹佰圆', 'denomination'],
    ['ONE HUNDRED DOLLARS', 'denomination'],
    ['MB 12345678 C', 'serial'],
  ])('%s is %s', (text, kind) => {
    expect(parseBanknoteCues(text).map((c) => c.kind)).toContain(kind);
  });
  it.each(['Federal holiday sale', '人民币结算', 'Reserve now', '100 dollars cashback'])('%s is no banknote cue', (text) => {
    expect(parseBanknoteCues(text)).toEqual([]);
  });
});

describe('denominations read without their space, or after a stray glyph', () => {
  it('"TWENTYDOLLARS" and "thLTWENTY DOLLARS" are denominations; "PHONE DOLLARS" is not', () => {
    expect(parseBanknoteCues('TWENTYDOLLARS').map((c) => c.kind)).toEqual(['denomination']);
    expect(parseBanknoteCues('thLTWENTY DOLLARS').map((c) => c.kind)).toEqual(['denomination']);
    expect(parseBanknoteCues('PHONE DOLLARS')).toEqual([]);
  });
});
