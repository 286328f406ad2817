import { describe, expect, it } from 'vitest';
import { parseBadges } from './badge-parser';

describe('parseBadges', () => {
  it.each([
    ['Best Seller', 'best_seller'],
    ['#1 Best Seller', 'best_seller'],
    ['#1 in Electronics', 'number_one'],
    ["Amazon's Choice", 'marketplace_choice'],
    ['Official Store', 'official_store'],
    ['Verified Seller', 'verified'],
    ['官方旗舰店', 'official_store'],
    ['正品保证', 'authenticity'],
    ['假一赔十', 'authenticity'],
    ['品牌授权', 'brand_authorised'],
    ['정품', 'authenticity'],
    ['판매 1위', 'best_seller'],
    ['공식 판매처', 'official_store'],
    // A marketplace's own ranking, in any writing of its name (PP-OCR reads 楽天 as 乐天).
    ['楽天ランキング1位', 'best_seller'],
    ['乐天1位', 'best_seller'],
    ['楽天デイリーランキング1位', 'best_seller'],
    ['乐天ミタジジ凍ジジ1位', 'best_seller'],
    ['天猫排行榜第1位', 'best_seller'],
    ['쿠팡 랭킹 1위', 'best_seller'],
  ])('%s is a %s badge', (text, badge) => {
    expect(parseBadges(text)).toEqual([expect.objectContaining({ badge })]);
  });

  it.each(['Seller notes', 'Choice of colours', 'Store in a cool place', 'Official rules apply', '1 pc', '品牌故事', '楽天市場店', '楽天ポイント10倍', '楽天ポイント10倍 1位'])(
    '%s is no badge',
    (text) => {
      expect(parseBadges(text)).toEqual([]);
    },
  );
});

describe('badges as PP-OCR writes them (no spaces) and English trust badges', () => {
  it.each([
    ['OfficialStore', 'official_store'],
    ['TrustedSeller', 'trusted_seller'],
    ['Certified Refurbished', 'trusted_seller'],
    ['2YEARWARRANTY', 'warranty'],
    ['Lifetime Warranty', 'warranty'],
    ['三年质保', 'warranty'],
    ['品牌授权', 'brand_authorised'],
    ['假一赔十', 'authenticity'],
  ])('%s → %s', (text, badge) => {
    expect(parseBadges(text).map((b) => b.badge)).toContain(badge);
  });

  it('a plain mention is not a badge', () => {
    expect(parseBadges('warranty card inside, see seller notes')).toEqual([]);
  });
});
