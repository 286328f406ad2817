import type { Severity } from '@listinglens/contracts';
import { foldCjkVariants } from './cjk-variants';

/**
 * What sellers stamp on product photos to borrow trust they may not have been given: marketplace badges,
 * rankings, official-store and authenticity guarantees, warranties, awards, certifications. Collected
 * from real listing images (e-commerce datasets and the storefront photos in the corpus) in English,
 * Chinese, Japanese and Korean. Each entry says why a reviewer should look and how much harm it points
 * to if false (severity); the finding takes its highest entry.
 *
 * Ordinary retail words stay out: free shipping / 包邮 / 送料無料 / 무료배송, new arrival / 新品 / 신상,
 * sizes, flavours, "original flavour", "genuine leather" (a material), "recommended dose".
 *
 * Latin patterns run on a folded line (see foldOcrConfusions) and allow the spaces PP-OCR drops
 * ("BESTSELLER", "6MONTHSWARRANTY"). Whole words are checked by the parser (atWordEdges), which also sees
 * the word edges glued text shows by its case ("2YEARWARRANTYhurry"); regexes cannot, under their `i` flag.
 */
export interface BadgeEntry {
  /** A stable label, the same across languages where the claim means the same. */
  badge: string;
  reason: string;
  severity: Severity;
  pattern: RegExp;
  /** English phrases (letters only, lower case) an unsurely read line is compared with, OCR confusions
   * allowed ("Jrusled SELLER" → trustedseller). Only phrases long enough that a near miss means it. */
  fuzzy?: string[];
}

// Word edges are checked in parseBadges (see the note above); these mark where a phrase must be whole.
const W0 = '';
const W1 = '';
// Kanji folded to one writing, as the line is (see foldCjkVariants): 正規販売店 matches 正规贩卖店.
const re = (source: string): RegExp => new RegExp(foldCjkVariants(source), 'giu');

export const BADGE_VOCABULARY: readonly BadgeEntry[] = [
  {
    badge: 'marketplace_choice',
    reason: "a marketplace's own endorsement (Amazon's Choice, Etsy's Pick, 天猫精选, 百亿补贴) is the platform's to award, not the seller's to print",
    severity: 'medium',
    pattern: re(
      `(?:amazon|temu|etsy|ebay|walmart|shopee|lazada)'?s?\\s?(?:choice|pick)${W1}|${W0}(?:overall|editors?'?)\\s?(?:pick|choice)${W1}|${W0}star\\s?seller${W1}|${W0}top\\s?rated\\s?plus${W1}|${W0}(?:shopee|laz)\\s?mall${W1}|天猫精选|京东自营|天猫超市|百亿补贴|品牌特卖`,
    ),
    fuzzy: ['amazonschoice', 'overallpick'],
  },
  {
    // A marketplace's ranking may name its list between the two ("楽天デイリーランキング1位",
    // "楽天市場 週間ランキング 第1位"): up to 12 characters that are not digits.
    badge: 'best_seller',
    reason: 'a sales rank claims what only the marketplace measures',
    severity: 'medium',
    pattern: re(
      `${W0}(?:#\\s?1\\s?)?best[ -]?sell(?:er|ing)s?${W1}|销量第一|销量冠军|热销第一|销冠|人気\\s?(?:No\\.?\\s?1|1位)|売れ筋\\s?(?:No\\.?\\s?1|1位)|売上\\s?(?:No\\.?\\s?1|1位)|ランキング\\s?1位|(?:楽天|アマゾン|ヤフー|天猫|京东|淘宝|쿠팡|네이버)[^\\d]{0,12}?(?:第\\s?1位|1位|第一|1위)|판매\\s?1위|판매량\\s?1위|베스트셀러`,
    ),
    fuzzy: ['bestseller', 'bestselling'],
  },
  {
    badge: 'number_one',
    reason: 'a "#1" or top rating claims a ranking or reviews the buyer cannot check',
    severity: 'medium',
    pattern: re(
      `(?:#|No\\.?\\s?)1(?!\\d)\\s?(?:seller|selling|rated|brand|choice|in${W1})|${W0}top[ -]?(?:rated|reviewed|seller|brand)${W1}|${W0}highest[ -]?rated${W1}|${W0}5[ -]?star\\s?rated${W1}|全网第一|行业第一|好评第一|好评率\\s?\\d{2}(?:\\.\\d)?%|口碑第一|1위\\s?(?:브랜드|제품)|만족도\\s?1위`,
    ),
    fuzzy: ['toprated', 'topreviewed', 'topseller', 'highestrated'],
  },
  {
    badge: 'official_store',
    reason: 'an official-store claim says the brand itself sells here',
    severity: 'medium',
    pattern: re(
      `${W0}official\\s?(?:store|shop|seller|flagship|retailer|partner)${W1}|官方旗舰店|旗舰店|官方店|官方自营|公式(?:ストア|ショップ|通販|販売店?|オンライン)|공식\\s?(?:판매처|스토어|몰|쇼핑몰|대리점)`,
    ),
    fuzzy: ['officialstore', 'officialshop', 'officialseller'],
  },
  {
    badge: 'verified',
    reason: 'a verification badge claims a check by the platform or a third party',
    severity: 'medium',
    pattern: re(`${W0}verified\\s?(?:seller|store|shop|brand|purchase|supplier)${W1}|认证商家|官方认证|认证店铺|認定(?:店|販売店)|인증\\s?(?:판매자|업체)`),
    fuzzy: ['verifiedseller', 'verifiedstore'],
  },
  {
    badge: 'trusted_seller',
    reason: 'a trust badge the marketplace did not give',
    severity: 'medium',
    pattern: re(
      `${W0}(?:trusted|certified|premium|power|preferred|reliable)\\s?(?:seller|store|shop|supplier)${W1}|${W0}certified\\s?(?:refurbished|authentic|original|pre-?owned)${W1}|金牌卖家|金牌店铺|皇冠店铺|优选商家|信頼(?:の)?(?:ショップ|店)|우수\\s?판매자|파워\\s?셀러`,
    ),
    fuzzy: ['trustedseller', 'trustedstore', 'certifiedseller', 'powerseller'],
  },
  {
    badge: 'authenticity',
    reason: 'an authenticity guarantee: counterfeits are sold under exactly this claim',
    severity: 'medium',
    pattern: re(
      `正品保证|正品保障|官方正品|(?:100%\\s?)?正品(?!率)|假一(?:赔|罚)[一二三十百]|${W0}100%\\s?(?:authentic|genuine|original)${W1}|${W0}(?:authentic|genuine|original)(?:ity)?\\s?guarantee[ds]?${W1}|${W0}guaranteed\\s?(?:authentic|genuine|original)${W1}|${W0}(?:genuine|authentic|original)\\s?products?${W1}|正[規规]品|本物保証|純正品|정품(?:\\s?(?:보장|인증))?|진품\\s?보증`,
    ),
    fuzzy: ['authenticguaranteed', 'genuineproduct', 'originalproduct'],
  },
  {
    badge: 'brand_authorised',
    reason: "an authorisation claim speaks for the brand owner",
    severity: 'medium',
    pattern: re(
      `品牌授权|官方授权|授权经销商|授权店|${W0}authori[sz]ed\\s?(?:dealer|seller|reseller|retailer|distributor|store)${W1}|正規(?:販売店|代理店|取扱店)|정식\\s?(?:수입|판매처|수입원)|공식\\s?수입`,
    ),
    fuzzy: ['authoriseddealer', 'authorizeddealer', 'authorizedseller', 'authorisedseller'],
  },
  {
    badge: 'warranty',
    reason: 'a warranty or guarantee printed on the photo binds nobody the buyer can reach through the platform',
    severity: 'low',
    pattern: re(
      `${W0}(?:\\d+|one|two|three|five|ten)[ -]?(?:years?|yrs?|months?|days?)\\s?(?:limited\\s?)?(?:warranty|guarantee)${W1}|${W0}(?:lifetime|manufacturer'?s?|extended)\\s?(?:warranty|guarantee)${W1}|${W0}money[ -]?back\\s?guarantee[d]?${W1}|${W0}(?:100%\\s?)?satisfaction\\s?guarantee[d]?${W1}|${W0}guaranteed${W1}|(?:(?:\\d+|[一二三四五六七八九十两半])年|终身|全国)(?:质保|保修|联保|保证|保固)|(?:质保|保修|保固)\\s?(?:\\d+|[一二三四五六七八九十两半])年|质保|(?:\\d+|[一二三五十])年(?:間)?保証|品質保証|永久保証|(?:\\d+)\\s?년\\s?(?:무상\\s?)?(?:보증|보장|A\\/S)|품질\\s?보증`,
    ),
    fuzzy: ['warranty', 'guaranteed', 'moneybackguarantee', 'lifetimewarranty'],
  },
  {
    badge: 'award',
    reason: 'an award or "of the year" title names a judgement the buyer cannot check',
    severity: 'low',
    pattern: re(
      `${W0}award[ -]?winn(?:ing|er)${W1}|${W0}(?:brand|product|choice|pick)\\s?of\\s?the\\s?year${W1}|${W0}best\\s?of\\s?20\\d\\d${W1}|${W0}gold\\s?(?:award|medal)${W1}|年度(?:品牌|大奖|最佳)|金奖|获奖产品|受賞|金賞|大賞|モンドセレクション|올해의\\s?(?:브랜드|제품)|대상\\s?수상|수상\\s?제품`,
    ),
    fuzzy: ['awardwinning', 'brandoftheyear', 'productoftheyear'],
  },
  {
    badge: 'certified',
    reason: 'a certification or expert endorsement (FDA, clinically proven, dermatologist tested) is a regulated claim',
    severity: 'low',
    pattern: re(
      `${W0}(?:fda|ce|iso|sgs|gmp|usda)\\s?(?:approved|certified|registered)${W1}|${W0}(?:clinically|scientifically)\\s?(?:proven|tested)${W1}|${W0}(?:dermatologist|doctor|dentist|vet|expert)s?\\s?(?:tested|recommended|approved)${W1}|${W0}lab\\s?tested${W1}|(?:国家|权威|专家)认证|医生推荐|专家推荐|皮肤科(?:医生)?(?:测试|推荐)|医師推奨|専門家推奨|皮膚科医?(?:テスト済|推奨)|피부과\\s?(?:테스트|인증)|전문가\\s?추천`,
    ),
    fuzzy: ['clinicallyproven', 'dermatologisttested', 'doctorrecommended'],
  },
  {
    badge: 'quality_claim',
    reason: 'a purity claim ("100% natural", "organic") stamped as a seal',
    severity: 'low',
    // Not 无添加 / 無添加 ("no additives"): ordinary packaging text on food in both markets.
    pattern: re(`${W0}100%\\s?(?:natural|organic|pure)${W1}|${W0}all[ -]natural${W1}|${W0}certified\\s?organic${W1}|100%\\s?(?:天然|纯天然|有机)|100%\\s?천연`),
    fuzzy: ['allnatural'],
  },
];
