import { foldOcrConfusions } from './ocr-confusions';
export interface BadgeClaim {
  raw: string;
  start: number;
  end: number;
  /** A stable label for the claim, the same across languages where it means the same. */
  badge: string;
}

const BADGES: [string, RegExp][] = [
  ['best_seller', /(?<![A-Za-z])(?:#\s?1\s)?best[ -]?sell(?:er|ing)(?![A-Za-z])|销量第一|销量冠军|热销第一|판매\s?1위|베스트셀러/giu],
  ['number_one', /(?:#|No\.?\s?)1(?!\d)\s?(?:seller|selling|rated|brand|in\b)|(?<![A-Za-z])top[ -]rated(?![A-Za-z])|top seller|全网第一|行业第一/giu],
  ['marketplace_choice', /amazon'?s\s?choice|overall\s?pick|editors'?\s?choice|天猫精选|京东自营|天猫超市/giu],
  ['official_store', /(?<![A-Za-z])official\s?(?:store|shop|seller|flagship)(?![A-Za-z])|官方旗舰店|旗舰店|官方店|官方自营|공식\s?(?:판매처|스토어|몰)/giu],
  ['verified', /(?<![A-Za-z])verified\s?(?:seller|store|shop|brand|purchase)(?![A-Za-z])|认证商家|官方认证|인증\s?(?:판매자|정품)/giu],
  ['authenticity', /正品保证|正品保障|官方正品|假一赔十|假一罚十|假一赔三|100%\s?正品|(?<![A-Za-z])(?:100% )?(?:authentic|genuine) guarantee[d]?(?![A-Za-z])|정품\s?(?:보장|인증)?/giu],
  // English trust badges; PP-OCR often drops the spaces ("TrustedSeller", "2YEARWARRANTY").
  ['trusted_seller', /(?<![A-Za-z])(?:trusted|top|certified)\s?(?:seller|store|shop)(?![A-Za-z])|(?<![A-Za-z])certified\s?(?:refurbished|authentic|original)(?![A-Za-z])/giu],
  ['warranty', /(?<![A-Za-z])(?:\d+[ -]?(?:year|yr|month)s?|lifetime|manufacturer'?s?)\s?warranty(?![A-Za-z])|(?:(?:\d+|[一二三四五六七八九十两])年|终身)(?:质保|保修)/giu],
  ['brand_authorised', /品牌授权|官方授权|授权经销商|(?<![A-Za-z])authori[sz]ed\s?(?:dealer|seller|reseller|retailer)(?![A-Za-z])/giu],
];

/** Marketplace badges and guarantees: Best Seller, #1, Amazon's Choice, Official Store, 官方旗舰店, 正品保证, 정품 ... */
export function parseBadges(read: string): BadgeClaim[] {
  // Matched on the folded line (same length, so positions and boxes hold); see foldOcrConfusions.
  const text = foldOcrConfusions(read);
  const found: BadgeClaim[] = [];
  for (const [badge, re] of BADGES) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && f.end > start)) continue;
      found.push({ raw: m[0].trim(), start, end, badge });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
