/**
 * What the evaluation plants on product photos: fakes a reviewer would flag (one table per finding code
 * and language) and text a reviewer would leave alone (negatives). Written from what sellers print on
 * listing images, not from the detectors' vocabularies, so a gap in a vocabulary shows up as a miss.
 *
 * Markers in a line: `¦` is where a claim may be split over two lines (a space when kept on one line
 * between Latin letters or digits, nothing between CJK); `»` starts a tail the image edge may cut off
 * ("Use code SAVE20» at checkout"), so only text after it is ever lost.
 */
import type { Rng } from './eval-random';

export const TEXT_CODES = [
  'price.mismatch',
  'price.reference_claim',
  'price.discount_math',
  'promo.coupon',
  'livestream.overlay',
  'badge.claim',
  'contact.off_platform',
  'currency.banknote',
] as const;
export type TextCode = (typeof TEXT_CODES)[number];
export type Lang = 'en' | 'zh' | 'ja' | 'ko';
export interface Money {
  amount: string;
  currency: string;
}

export interface Plant {
  /** The main element's lines, top to bottom. */
  lines: string[];
  /** The listing's price (its own, so a price shown in the image can be judged against it). */
  price: Money;
  /** Codes a reviewer expects from this image. */
  expect: TextCode[];
  /** Codes that may also come out without being wrong (e.g. a WAS/NOW claim beside a wrong discount). */
  allow?: TextCode[];
  /** Further elements, each drawn apart from the main one (livestream cues around the screen). */
  extras?: string[][];
}
export type Template = (r: Rng) => Plant;

// ---- prices ---------------------------------------------------------------------------------------
const USD = [9.99, 14.99, 19.99, 24.5, 29.99, 39.99, 49.99, 59, 79.99, 89.99, 99, 129.99, 149, 199.99];
const CNY = [29.9, 39.9, 59, 68, 88, 99, 128, 168, 199, 238, 299, 399, 599, 1299];
const JPY = [980, 1980, 2980, 3980, 5980, 12800];
const KRW = [9900, 12900, 19900, 29900, 49000];

const fmt = (n: number, cents: boolean): string => (cents && !Number.isInteger(n) ? n.toFixed(2) : String(n));
const money = (n: number, currency: string): Money => ({ amount: Number.isInteger(n) ? `${n}.00` : n.toFixed(2), currency });
/** A clearly lower price than `n` in the same style (the fake shown against the listing's price). */
function lower(r: Rng, n: number, yuan = false): number {
  const x = Math.max(1, Math.floor(n * r.range(0.25, 0.75)));
  if (yuan) return r.chance(0.5) ? x : x + 0.9;
  return r.pick([x + 0.99, x, x + 0.5]);
}
const yen = (r: Rng): string => r.pick(['¥', '￥']);
const code = (r: Rng): string =>
  r.pick(['SAVE', 'SPRING', 'VIP', 'WELCOME', 'DEAL', 'EXTRA', 'FLASH', 'HOT', 'GIFT', 'NEW']) + r.pick(['10', '15', '20', '25', '30', '5', '50', '2025']);
const handle = (r: Rng): string => r.pick(['shop', 'deal', 'best', 'lucky', 'star', 'mall', 'tb', 'vip']) + r.pick(['_', '', '.']) + r.digits(r.int(3, 5));

// ---- price.mismatch: a selling price that is not the listing's ------------------------------------
const mismatchEn: Template[] = [
  (r) => { const p = r.pick(USD); return { lines: [`Only $${fmt(lower(r, p), true)}`], price: money(p, 'USD'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`SALE¦$${fmt(lower(r, p), true)}`], price: money(p, 'USD'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`$${fmt(lower(r, p), true)}`], price: money(p, 'USD'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`Today only¦$${fmt(lower(r, p), true)}`], price: money(p, 'USD'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`Special price $${fmt(lower(r, p), true)}» while stocks last`], price: money(p, 'USD'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`Just £${fmt(lower(r, p), true)}`], price: money(p, 'GBP'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`€${fmt(lower(r, p), true)}`], price: money(p, 'EUR'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`Deal price¦US$${fmt(lower(r, p), true)}`], price: money(p, 'USD'), expect: ['price.mismatch'] }; },
  // Another currency than the listing's: the image promises a price the listing does not charge.
  (r) => { const p = r.pick(CNY); return { lines: [`$${fmt(lower(r, p / 7), true)}`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
];
const mismatchZh: Template[] = [
  (r) => { const p = r.pick(CNY); return { lines: [`今日特价 ${yen(r)}${fmt(lower(r, p, true), false)}`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`限时特价¦${yen(r)}${fmt(lower(r, p, true), false)}`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`仅需 ${fmt(lower(r, p, true), false)}元`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`${yen(r)}${fmt(lower(r, p, true), false)}`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`特价${yen(r)}${fmt(lower(r, p, true), false)}» 数量有限 售完即止`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`售价¦${fmt(lower(r, p, true), false)}元`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`惊爆价 ${yen(r)}${fmt(lower(r, p, true), false)}`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`${yen(r)}${fmt(lower(r, p, true), false)} 包邮`], price: money(p, 'CNY'), expect: ['price.mismatch'] }; },
];

// ---- price.reference_claim: a reduction claimed, the arithmetic right ------------------------------
/** A reference price and a current price `off` percent below it (both as printed). */
function pair(r: Rng, pool: readonly number[], off: number, cents: boolean): { ref: string; cur: string; curN: number } {
  const ref = r.pick(pool.filter((n) => n >= 20));
  const curN = Math.round(ref * (1 - off / 100) * (cents ? 100 : 1)) / (cents ? 100 : 1);
  return { ref: fmt(ref, cents), cur: fmt(curN, cents), curN };
}
const referenceEn: Template[] = [
  (r) => { const { ref, cur, curN } = pair(r, USD, r.pick([20, 25, 30, 40]), true); return { lines: [`WAS $${ref}¦NOW $${cur}`], price: money(curN, 'USD'), expect: ['price.reference_claim'] }; },
  (r) => { const off = r.pick([20, 25, 30, 40, 50]); const { ref, cur, curN } = pair(r, USD, off, true); return { lines: [`WAS $${ref}`, `NOW $${cur}`, `-${off}%`], price: money(curN, 'USD'), expect: ['price.reference_claim'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`RRP £${fmt(Math.round(p * 1.6), true)}`], price: money(p, 'GBP'), expect: ['price.reference_claim'] }; },
  (r) => { const p = r.pick(USD); return { lines: [`Compare at¦$${fmt(Math.round(p * 1.5), true)}`], price: money(p, 'USD'), expect: ['price.reference_claim'] }; },
  (r) => ({ lines: [`${r.pick([20, 30, 40, 50, 60, 70])}% OFF`], price: money(r.pick(USD), 'USD'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: [`-${r.pick([15, 20, 30, 45, 60])}%`], price: money(r.pick(USD), 'USD'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: ['HALF PRICE'], price: money(r.pick(USD), 'USD'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: [`Up to ${r.pick([50, 60, 70, 80])}% off» everything`], price: money(r.pick(USD), 'USD'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: [`Save ${r.pick([20, 30, 40])}%¦today`], price: money(r.pick(USD), 'USD'), expect: ['price.reference_claim'] }),
];
const referenceZh: Template[] = [
  (r) => { const { ref, cur, curN } = pair(r, CNY, r.pick([20, 30, 40, 50]), false); return { lines: [`原价${yen(r)}${ref}¦现价${yen(r)}${cur}`], price: money(curN, 'CNY'), expect: ['price.reference_claim'] }; },
  (r) => { const p = r.pick(CNY); return { lines: [`日常价 ${yen(r)}${Math.round(p * 1.5)}`], price: money(p, 'CNY'), expect: ['price.reference_claim'] }; },
  (r) => ({ lines: [`全场${r.pick([5, 6, 7, 8])}折`], price: money(r.pick(CNY), 'CNY'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: [`限时${r.pick(['5', '6', '7', '7.5', '8.8'])}折» 欢迎选购`], price: money(r.pick(CNY), 'CNY'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: [`直降${r.pick([20, 30, 40, 50])}%`], price: money(r.pick(CNY), 'CNY'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: ['第二件¦半价'], price: money(r.pick(CNY), 'CNY'), expect: ['price.reference_claim'] }),
  (r) => ({ lines: [`低至${r.pick([3, 4, 5])}折`], price: money(r.pick(CNY), 'CNY'), expect: ['price.reference_claim'] }),
  (r) => { const p = r.pick(CNY); return { lines: [`市场价${yen(r)}${Math.round(p * 2)}`], price: money(p, 'CNY'), expect: ['price.reference_claim'] }; },
];

// ---- price.discount_math: the claimed reduction does not follow from the prices shown --------------
/** A claimed percentage far (≥ 12 points) from what the prices give. */
function wrongClaim(r: Rng, real: number): number {
  const options = [30, 40, 50, 60, 70, 80].filter((c) => Math.abs(c - real) >= 12);
  return r.pick(options);
}
const discountEn: Template[] = [
  (r) => {
    const real = r.pick([20, 25, 30, 35]);
    const { ref, cur, curN } = pair(r, USD, real, true);
    return { lines: [`WAS $${ref}`, `NOW $${cur}`, `SAVE ${wrongClaim(r, real)}%`], price: money(curN, 'USD'), expect: ['price.discount_math', 'price.reference_claim'] };
  },
  (r) => {
    const real = r.pick([20, 30, 40]);
    const { ref, cur, curN } = pair(r, USD, real, true);
    return { lines: [`-${wrongClaim(r, real)}%`, `$${ref} → $${cur}`], price: money(curN, 'USD'), expect: ['price.discount_math', 'price.reference_claim'] };
  },
  (r) => {
    const real = r.pick([20, 25, 30]);
    const { ref, cur, curN } = pair(r, USD, real, true);
    return { lines: [`${wrongClaim(r, real)}% OFF`, `Was $${ref}¦Now $${cur}`], price: money(curN, 'USD'), expect: ['price.discount_math', 'price.reference_claim'] };
  },
  (r) => {
    const real = r.pick([10, 20, 25]);
    const { ref, cur, curN } = pair(r, USD, real, true);
    return { lines: [`HALF PRICE`, `RRP $${ref} NOW $${cur}`], price: money(curN, 'USD'), expect: ['price.discount_math', 'price.reference_claim'] };
  },
];
const discountZh: Template[] = [
  (r) => {
    const real = r.pick([20, 30, 40]);
    const { ref, cur, curN } = pair(r, CNY, real, false);
    const zhe = (100 - wrongClaim(r, real)) / 10;
    return { lines: [`原价${yen(r)}${ref}`, `现价${yen(r)}${cur}`, `${zhe}折`], price: money(curN, 'CNY'), expect: ['price.discount_math', 'price.reference_claim'] };
  },
  (r) => {
    const real = r.pick([20, 25, 30]);
    const { ref, cur, curN } = pair(r, CNY, real, false);
    return { lines: [`直降${wrongClaim(r, real)}%`, `原价${yen(r)}${ref}¦到手价${yen(r)}${cur}`], price: money(curN, 'CNY'), expect: ['price.discount_math', 'price.reference_claim'] };
  },
  (r) => {
    const real = r.pick([10, 20, 25]);
    const { ref, cur, curN } = pair(r, CNY, real, false);
    return { lines: [`日常价${yen(r)}${ref}`, `活动价${yen(r)}${cur}`, '限时半价'], price: money(curN, 'CNY'), expect: ['price.discount_math', 'price.reference_claim'] };
  },
];

// ---- promo.coupon ----------------------------------------------------------------------------------
const couponEn: Template[] = [
  (r) => ({ lines: [`Use code ${code(r)}» at checkout`], price: money(r.pick(USD), 'USD'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`Promo code:¦${code(r)}`], price: money(r.pick(USD), 'USD'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`Coupon code ${code(r)}`], price: money(r.pick(USD), 'USD'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`Enter code¦${code(r)}» when you pay`], price: money(r.pick(USD), 'USD'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`Spend $${r.pick([50, 80, 100])}, save $${r.pick([10, 15, 20])}`], price: money(r.pick(USD), 'USD'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`Clip the coupon» on this page`], price: money(r.pick(USD), 'USD'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`Extra savings¦with voucher`], price: money(r.pick(USD), 'USD'), expect: ['promo.coupon'] }),
];
const couponZh: Template[] = [
  (r) => ({ lines: [`领券立减${r.pick([5, 10, 20, 30])}元`], price: money(r.pick(CNY), 'CNY'), expect: ['promo.coupon'] }),
  (r) => { const t = r.pick([99, 199, 299]); return { lines: [`满${t}减${r.pick([10, 20, 30, 50])}`], price: money(r.pick(CNY), 'CNY'), expect: ['promo.coupon'] }; },
  (r) => ({ lines: [`店铺优惠券¦先领券再下单`], price: money(r.pick(CNY), 'CNY'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`优惠码 ${code(r)}» 下单立享`], price: money(r.pick(CNY), 'CNY'), expect: ['promo.coupon'] }),
  (r) => { const p = r.pick(CNY); return { lines: [`券后${yen(r)}${fmt(p, false)}`], price: money(p, 'CNY'), expect: ['promo.coupon'], allow: ['price.reference_claim'] }; },
  (r) => ({ lines: [`下单立减¦${r.pick([10, 20, 50])}元`], price: money(r.pick(CNY), 'CNY'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`领红包» 再享优惠`], price: money(r.pick(CNY), 'CNY'), expect: ['promo.coupon'] }),
];
const couponJa: Template[] = [
  (r) => ({ lines: [`クーポンコード¦${code(r)}`], price: money(r.pick(JPY), 'JPY'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`割引クーポン配布中`], price: money(r.pick(JPY), 'JPY'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`クーポン利用で¦${r.pick([300, 500, 1000])}円OFF`], price: money(r.pick(JPY), 'JPY'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`今すぐクーポンを獲得`], price: money(r.pick(JPY), 'JPY'), expect: ['promo.coupon'] }),
];
const couponKo: Template[] = [
  (r) => ({ lines: [`쿠폰 코드¦${code(r)}`], price: money(r.pick(KRW), 'KRW'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`할인 쿠폰 받기`], price: money(r.pick(KRW), 'KRW'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`즉시 할인¦쿠폰 적용`], price: money(r.pick(KRW), 'KRW'), expect: ['promo.coupon'] }),
  (r) => ({ lines: [`첫 구매 쿠폰 증정`], price: money(r.pick(KRW), 'KRW'), expect: ['promo.coupon'] }),
];

// ---- livestream.overlay: two or more cue kinds on one screen ---------------------------------------
const liveEn = {
  badge: ['LIVE', 'LIVE NOW', 'ON AIR'],
  audience: (r: Rng) => `${r.pick(['1.2K', '2.3K', '856', '12K', '4.5K'])} watching`,
  buy: ['Shop Now', 'Buy Now', 'Add to Cart'],
  follow: ['+ Follow', 'Follow'],
  comments: [['amy_22: is it waterproof?', 'joe88: just ordered!'], ['mia: what size is she?', 'sam_k: love this color']],
};
const liveZh = {
  badge: ['直播中', '正在直播', 'LIVE'],
  audience: (r: Rng) => `${r.pick(['12.8万', '3.6万', '8562', '1.2万'])}人观看`,
  buy: ['立即购买', '马上抢', '去购买'],
  follow: ['+关注', '关注主播'],
  rank: (r: Rng) => `带货榜第${r.int(1, 9)}`,
  comments: [['小美: 好看吗', '阿杰: 已下单'], ['开心果: 有优惠吗', '路人甲: 主播好美']],
};
const liveEnT: Template[] = [
  (r) => ({ lines: [r.pick(liveEn.badge)], extras: [[liveEn.audience(r)]], price: money(r.pick(USD), 'USD'), expect: ['livestream.overlay'] }),
  (r) => ({ lines: [r.pick(liveEn.badge)], extras: [[r.pick(liveEn.buy)]], price: money(r.pick(USD), 'USD'), expect: ['livestream.overlay'] }),
  (r) => ({ lines: [liveEn.audience(r)], extras: [[r.pick(liveEn.buy)], [r.pick(liveEn.follow)]], price: money(r.pick(USD), 'USD'), expect: ['livestream.overlay'] }),
  (r) => ({ lines: [r.pick(liveEn.badge)], extras: [r.pick(liveEn.comments)], price: money(r.pick(USD), 'USD'), expect: ['livestream.overlay'] }),
];
const liveZhT: Template[] = [
  (r) => ({ lines: [r.pick(liveZh.badge)], extras: [[liveZh.audience(r)]], price: money(r.pick(CNY), 'CNY'), expect: ['livestream.overlay'] }),
  (r) => ({ lines: [r.pick(liveZh.badge)], extras: [[r.pick(liveZh.buy)]], price: money(r.pick(CNY), 'CNY'), expect: ['livestream.overlay'] }),
  (r) => ({ lines: [liveZh.rank(r)], extras: [[r.pick(liveZh.follow)], [r.pick(liveZh.buy)]], price: money(r.pick(CNY), 'CNY'), expect: ['livestream.overlay'] }),
  (r) => ({ lines: [liveZh.audience(r)], extras: [r.pick(liveZh.comments)], price: money(r.pick(CNY), 'CNY'), expect: ['livestream.overlay'] }),
];

// ---- badge.claim ----------------------------------------------------------------------------------
const badge = (texts: string[], currency: string, pool: readonly number[]): Template[] =>
  texts.map((text) => (r: Rng) => ({ lines: [text], price: money(r.pick(pool), currency), expect: ['badge.claim'] as TextCode[] }));
const badgeEn = badge(
  ["Amazon's¦Choice", 'Best¦Seller', '#1 Best Seller', 'Official¦Store', '100%¦Authentic', 'TOP RATED', 'Trusted¦Seller', '2 Year¦Warranty',
    'BRAND OF¦THE YEAR', '100% NATURAL', 'Award¦Winning', 'Dermatologist¦Tested', 'Genuine¦Product', 'Money Back¦Guarantee', 'Verified¦Seller',
    'Authorized¦Dealer', 'TOP REVIEWED', 'Clinically¦Proven'],
  'USD',
  USD,
);
const badgeZh = badge(
  ['官方旗舰店', '正品保证', '假一赔十', '销量第一', '品牌授权', '全国联保', '天猫精选', '官方正品', '两年质保', '金牌卖家', '好评率99%', '年度品牌', '专家推荐', '100%正品', '官方认证'],
  'CNY',
  CNY,
);
const badgeJa = badge(['正規品', '公式ショップ', '楽天ランキング1位', '品質保証', 'モンドセレクション金賞', '人気No.1', '売上1位', '正規販売店', '医師推奨'], 'JPY', JPY);
const badgeKo = badge(['정품', '공식 스토어', '판매 1위', '베스트셀러', '품질 보증', '정품 인증', '1년 무상 보증', '올해의 브랜드', '공식 판매처'], 'KRW', KRW);

// ---- contact.off_platform -------------------------------------------------------------------------
const contactEn: Template[] = [
  (r) => ({ lines: [`WhatsApp +44 7700 900${r.digits(3)}`], price: money(r.pick(USD), 'USD'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`Call us:¦(415) 555-01${r.digits(2)}`], price: money(r.pick(USD), 'USD'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`Email:¦${handle(r)}@gmail.com`], price: money(r.pick(USD), 'USD'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`www.${r.pick(['cheapdeals', 'bestbuyz', 'outletshop', 'luxfactory'])}${r.digits(2)}.com`], price: money(r.pick(USD), 'USD'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`Telegram @${handle(r).replace(/[.]/g, '_')}`], price: money(r.pick(USD), 'USD'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`Order direct:¦+1 646 555 0${r.digits(3)}`], price: money(r.pick(USD), 'USD'), expect: ['contact.off_platform'] }),
];
const contactZh: Template[] = [
  (r) => ({ lines: [`加微信 ${handle(r).replace(/[.]/g, '_')}`], price: money(r.pick(CNY), 'CNY'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`微信:¦${handle(r).replace(/[.]/g, '_')}`], price: money(r.pick(CNY), 'CNY'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`VX: tb${r.digits(6)}`], price: money(r.pick(CNY), 'CNY'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`电话¦138${r.digits(8)}`], price: money(r.pick(CNY), 'CNY'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`QQ ${r.int(1, 9)}${r.digits(8)}`], price: money(r.pick(CNY), 'CNY'), expect: ['contact.off_platform'] }),
  (r) => ({ lines: [`私聊加V¦1${r.pick(['35', '58', '86', '39'])}${r.digits(8)}`], price: money(r.pick(CNY), 'CNY'), expect: ['contact.off_platform'] }),
];

// ---- currency.banknote ----------------------------------------------------------------------------
const banknoteEn: Template[] = [
  (r) => ({ lines: ['FEDERAL RESERVE NOTE', `${r.pick(['MB', 'LA', 'PL'])} ${r.digits(8)} ${r.pick(['A', 'C', 'F'])}`], price: money(r.pick(USD), 'USD'), expect: ['currency.banknote'] }),
  (r) => ({ lines: ['THE UNITED STATES¦OF AMERICA'], price: money(r.pick(USD), 'USD'), expect: ['currency.banknote'] }),
  (r) => ({ lines: [r.pick(['ONE HUNDRED DOLLARS', 'TWENTY DOLLARS', 'FIFTY DOLLARS'])], price: money(r.pick(USD), 'USD'), expect: ['currency.banknote'] }),
  (r) => ({ lines: ['IN GOD WE TRUST', `${r.pick(['JL', 'KB'])} ${r.digits(8)} ${r.pick(['A', 'D'])}`], price: money(r.pick(USD), 'USD'), expect: ['currency.banknote'] }),
];
const banknoteZh: Template[] = [
  (r) => ({ lines: ['中国人民银行', r.pick(['壹佰圆', '伍拾圆', '贰拾圆'])], price: money(r.pick(CNY), 'CNY'), expect: ['currency.banknote'] }),
  (r) => ({ lines: ['中国人民银行', `${r.pick(['AB', 'HK', 'QE'])}${r.digits(8)}`], price: money(r.pick(CNY), 'CNY'), expect: ['currency.banknote'] }),
  (r) => ({ lines: [r.pick(['壹佰圆', '伍拾圆'])], price: money(r.pick(CNY), 'CNY'), expect: ['currency.banknote'] }),
];

/** Positive templates per code and language, with how many cases of each the set holds. */
export const POSITIVES: { code: TextCode; lang: Lang; count: number; templates: Template[] }[] = [
  { code: 'price.mismatch', lang: 'en', count: 26, templates: mismatchEn },
  { code: 'price.mismatch', lang: 'zh', count: 26, templates: mismatchZh },
  { code: 'price.reference_claim', lang: 'en', count: 20, templates: referenceEn },
  { code: 'price.reference_claim', lang: 'zh', count: 18, templates: referenceZh },
  { code: 'price.discount_math', lang: 'en', count: 20, templates: discountEn },
  { code: 'price.discount_math', lang: 'zh', count: 18, templates: discountZh },
  { code: 'promo.coupon', lang: 'en', count: 18, templates: couponEn },
  { code: 'promo.coupon', lang: 'zh', count: 18, templates: couponZh },
  { code: 'promo.coupon', lang: 'ja', count: 8, templates: couponJa },
  { code: 'promo.coupon', lang: 'ko', count: 8, templates: couponKo },
  { code: 'livestream.overlay', lang: 'en', count: 14, templates: liveEnT },
  { code: 'livestream.overlay', lang: 'zh', count: 14, templates: liveZhT },
  { code: 'badge.claim', lang: 'en', count: 24, templates: badgeEn },
  { code: 'badge.claim', lang: 'zh', count: 20, templates: badgeZh },
  { code: 'badge.claim', lang: 'ja', count: 10, templates: badgeJa },
  { code: 'badge.claim', lang: 'ko', count: 10, templates: badgeKo },
  { code: 'contact.off_platform', lang: 'en', count: 18, templates: contactEn },
  { code: 'contact.off_platform', lang: 'zh', count: 18, templates: contactZh },
  { code: 'currency.banknote', lang: 'en', count: 10, templates: banknoteEn },
  { code: 'currency.banknote', lang: 'zh', count: 8, templates: banknoteZh },
];

// ---- negatives: what a reviewer leaves alone --------------------------------------------------------
export const NEGATIVE_KINDS = ['clean', 'brand', 'own_price', 'retail_words', 'size_chart', 'nutrition', 'price_ladder', 'receipt', 'packaging'] as const;
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

const plain = (lines: string[], price: Money): Plant => ({ lines, price, expect: [] });
const anyPrice = (r: Rng, lang: Lang): Money =>
  lang === 'zh' ? money(r.pick(CNY), 'CNY') : lang === 'ja' ? money(r.pick(JPY), 'JPY') : lang === 'ko' ? money(r.pick(KRW), 'KRW') : money(r.pick(USD), 'USD');

const NEGATIVE_TEMPLATES: Record<Exclude<NegativeKind, 'clean'>, { lang: Lang; t: Template }[]> = {
  brand: [
    ...['SONY', 'Polaroid', 'Canon EOS', 'HUAWEI nova', 'UNIQLO', 'Juicy Organic', 'Organic Green Tea¦250g', 'NIKE Air Zoom'].map((b) => ({ lang: 'en' as Lang, t: (r: Rng) => plain([b], anyPrice(r, 'en')) })),
    ...['华为 HUAWEI', '小米 Xiaomi', '有机绿茶 250g', '李宁 LI-NING', '三只松鼠'].map((b) => ({ lang: 'zh' as Lang, t: (r: Rng) => plain([b], anyPrice(r, 'zh')) })),
    { lang: 'ja', t: (r) => plain(['ユニクロ'], anyPrice(r, 'ja')) },
    { lang: 'ko', t: (r) => plain(['삼성 갤럭시'], anyPrice(r, 'ko')) },
  ],
  own_price: [
    { lang: 'en', t: (r) => { const p = r.pick(USD); return plain([`$${fmt(p, true)}`], money(p, 'USD')); } },
    { lang: 'en', t: (r) => { const p = r.pick(USD); return plain([`Only¦$${fmt(p, true)}`], money(p, 'USD')); } },
    { lang: 'en', t: (r) => { const p = r.pick(USD); return plain([`Price: £${fmt(p, true)}`], money(p, 'GBP')); } },
    { lang: 'zh', t: (r) => { const p = r.pick(CNY); return plain([`${yen(r)}${fmt(p, false)}`], money(p, 'CNY')); } },
    { lang: 'zh', t: (r) => { const p = r.pick(CNY); return plain([`特价¦${yen(r)}${fmt(p, false)}`], money(p, 'CNY')); } },
    { lang: 'zh', t: (r) => { const p = r.pick(CNY); return plain([`售价 ${fmt(p, false)}元`], money(p, 'CNY')); } },
    { lang: 'ja', t: (r) => { const p = r.pick(JPY); return plain([`税込 ${p.toLocaleString('en-US')}円`], money(p, 'JPY')); } },
    { lang: 'ko', t: (r) => { const p = r.pick(KRW); return plain([`${p.toLocaleString('en-US')}원`], money(p, 'KRW')); } },
  ],
  retail_words: [
    ...['FREE SHIPPING', 'Free Delivery', 'New Arrival', 'In Stock', 'Handmade', 'Gift Box Included', 'Machine Washable', 'Limited Edition'].map((w) => ({ lang: 'en' as Lang, t: (r: Rng) => plain([w], anyPrice(r, 'en')) })),
    ...['包邮', '新品上市', '顺丰包邮', '七天无理由退换', '现货速发', '纯棉面料'].map((w) => ({ lang: 'zh' as Lang, t: (r: Rng) => plain([w], anyPrice(r, 'zh')) })),
    ...['送料無料', '新商品', '即日発送'].map((w) => ({ lang: 'ja' as Lang, t: (r: Rng) => plain([w], anyPrice(r, 'ja')) })),
    ...['무료배송', '신상품', '당일 발송'].map((w) => ({ lang: 'ko' as Lang, t: (r: Rng) => plain([w], anyPrice(r, 'ko')) })),
  ],
  size_chart: [
    { lang: 'en', t: (r) => plain(['SIZE   S    M    L    XL', 'Chest  92   96  100  104 cm', 'Length 66   68   70   72 cm'], anyPrice(r, 'en')) },
    { lang: 'en', t: (r) => plain(['US 7  8  9  10  11', 'EU 40 41 42 43 44'], anyPrice(r, 'en')) },
    { lang: 'zh', t: (r) => plain(['尺码  S   M   L   XL', '胸围  92  96  100  104', '衣长  66  68  70  72'], anyPrice(r, 'zh')) },
    { lang: 'ja', t: (r) => plain(['サイズ  S  M  L', '着丈  66  68  70'], anyPrice(r, 'ja')) },
  ],
  nutrition: [
    { lang: 'en', t: (r) => plain(['Nutrition Facts', 'Serving Size 1 cup (240ml)', 'Calories 120', 'Total Fat 3g  4%', 'Sodium 150mg  7%'], anyPrice(r, 'en')) },
    { lang: 'en', t: (r) => plain(['Per 100g: Energy 1650kJ', 'Protein 12g  Sugars 5g'], anyPrice(r, 'en')) },
    { lang: 'zh', t: (r) => plain(['营养成分表', '项目 每100克 NRV%', '能量 1500千焦 18%', '蛋白质 3.2克 5%'], anyPrice(r, 'zh')) },
  ],
  price_ladder: [
    { lang: 'en', t: () => plain(['1 for $5, 3 for $12'], money(5, 'USD')) },
    { lang: 'en', t: () => plain(['1 pack $6.99', '3 packs $18.99'], money(6.99, 'USD')) },
    { lang: 'en', t: () => plain(['$4.99 each¦or 2 for $9'], money(4.99, 'USD')) },
    { lang: 'zh', t: () => plain(['1件15元 2件23元'], money(15, 'CNY')) },
    { lang: 'zh', t: () => plain(['单件¥29', '两件¥49'], money(29, 'CNY')) },
    { lang: 'zh', t: () => plain(['1盒¥39.9 3盒¥99'], money(39.9, 'CNY')) },
  ],
  receipt: [
    { lang: 'en', t: (r) => plain(['RECEIPT', `15/03/2024 14:${r.int(10, 59)}`, 'ITEM 1  $19.99', 'TAX  $1.60', 'TOTAL  $21.59', 'CASH  $25.00', 'CHANGE DUE  $3.41'], money(19.99, 'USD')) },
    // A used item sold for less than it cost: the receipt shows what was paid, not the listing's price.
    { lang: 'en', t: () => plain(['TOTAL $64.80', 'VISA  $64.80', 'THANK YOU FOR SHOPPING'], money(35, 'USD')) },
    { lang: 'en', t: (r) => plain([`Order #${r.digits(6)}`, `Date: 2024-0${r.int(1, 9)}-1${r.int(0, 9)}`, 'Subtotal: $42.00', 'Total: $45.36'], money(30, 'USD')) },
    { lang: 'zh', t: (r) => plain(['收银小票', `2024-05-1${r.int(0, 9)} 18:30`, '合计 ¥86.50', '实收 ¥100.00', '找零 ¥13.50'], money(60, 'CNY')) },
    { lang: 'zh', t: (r) => plain([`订单号 ${r.digits(12)}`, '实付款 ¥128.00'], money(99, 'CNY')) },
  ],
  packaging: [
    { lang: 'en', t: (r) => plain(['NET WT 250g', `EXP 2026/0${r.int(1, 9)}/15`], anyPrice(r, 'en')) },
    { lang: 'en', t: (r) => plain([`BEST BEFORE 15.0${r.int(1, 9)}.2026`, `LOT ${r.digits(6)}A`], anyPrice(r, 'en')) },
    { lang: 'en', t: (r) => plain(['Made in China', `6 ${r.digits(6)} ${r.digits(6)}`], anyPrice(r, 'en')) },
    { lang: 'en', t: (r) => plain([`MFG 2024-0${r.int(1, 9)}-12`, `Batch No. ${r.digits(7)}`], anyPrice(r, 'en')) },
    { lang: 'zh', t: (r) => plain([`生产日期 2024-0${r.int(1, 9)}-12`, '保质期 18个月'], anyPrice(r, 'zh')) },
    { lang: 'zh', t: (r) => plain(['净含量 500ml', `批号 ${r.digits(8)}`], anyPrice(r, 'zh')) },
    { lang: 'ja', t: (r) => plain([`賞味期限 2026.0${r.int(1, 9)}.15`, '内容量 200g'], anyPrice(r, 'ja')) },
    { lang: 'ko', t: (r) => plain([`유통기한 2026.0${r.int(1, 9)}.15`, '내용량 500ml'], anyPrice(r, 'ko')) },
  ],
};

/** How many negatives of each kind the set holds. */
export const NEGATIVE_COUNTS: Record<NegativeKind, number> = {
  clean: 32,
  brand: 18,
  own_price: 22,
  retail_words: 22,
  size_chart: 10,
  nutrition: 10,
  price_ladder: 14,
  receipt: 14,
  packaging: 18,
};

export function negativeTemplates(kind: Exclude<NegativeKind, 'clean'>): { lang: Lang; t: Template }[] {
  return NEGATIVE_TEMPLATES[kind];
}

/** Any listing price in the language's market (clean photos). */
export function marketPrice(r: Rng, lang: Lang): Money {
  return anyPrice(r, lang);
}
