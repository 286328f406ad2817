import type { FindingView } from '@listinglens/contracts';

/** What the listing says about AI imagery: true = disclosed, false = says it has none, null = silent. */
export type AiDisclosure = boolean | null;

/**
 * One finding in plain words for a seller, in English and in Chinese. Contact details appear only in
 * their masked form (`evidence.masked`); raw OCR text of a contact finding is never used. Text read
 * from an image, and names like a generator's, are quoted as read (「」 in Chinese): they are the
 * seller's content, not our wording.
 */
export function describeFinding(f: FindingView, aiDisclosure: AiDisclosure): { en: string; zh: string } {
  const where = f.imagePosition === null ? { en: 'the listing', zh: '商品信息' } : { en: `image ${f.imagePosition + 1}`, zh: `第 ${f.imagePosition + 1} 张图片` };
  const W = cap(where.en);
  const q = (read: string) => ({ en: `"${truncate(read)}"`, zh: `「${truncate(read)}」` });
  // The AI wording states the listing's own disclosure as it is: never "does not disclose" when it does.
  const disclosed = aiDisclosure === true;
  const tail = disclosed
    ? { en: 'the listing discloses AI imagery', zh: '商品已声明使用人工智能生成的图像' }
    : { en: 'the listing does not disclose AI imagery', zh: '但商品未声明使用人工智能生成的图像' };
  switch (f.code) {
    case 'contact.off_platform': {
      const { masked } = f.evidence;
      return masked
        ? { en: `${W} shows an off-platform contact ("${masked}").`, zh: `${where.zh}中含有站外联系方式（「${masked}」）。` }
        : { en: `${W} shows an off-platform contact.`, zh: `${where.zh}中含有站外联系方式。` };
    }
    case 'ai.undisclosed':
      return {
        en: `${W} is likely AI-generated or AI-edited; ${tail.en}.`,
        zh: `${where.zh}很可能由人工智能生成或编辑；${tail.zh}。`,
      };
    case 'ai.provenance': {
      const generator = f.evidence.generator === null ? null : truncate(f.evidence.generator);
      const made = f.evidence.aiKind === 'edited' ? { en: 'edited', zh: '编辑' } : { en: 'made', zh: '生成' };
      return {
        en: `${W} carries metadata saying it was ${made.en} with generative AI${generator ? ` ("${generator}")` : ''}; ${tail.en}.`,
        zh: `${where.zh}的元数据显示其由生成式人工智能${made.zh}${generator ? `（「${generator}」）` : ''}；${tail.zh}。`,
      };
    }
    case 'ai.watermark':
      return {
        en: `${W} carries an invisible watermark that AI image generators embed; ${tail.en}.`,
        zh: `${where.zh}带有人工智能图像生成器嵌入的隐形水印；${tail.zh}。`,
      };
    case 'ai.forensic':
      return { en: `${W} shows statistical traces typical of generated images (weak evidence).`, zh: `${where.zh}带有生成图像常见的统计痕迹（弱证据）。` };
    case 'price.mismatch': {
      const t = q(f.evidence.text);
      return { en: `${W} shows a price (${t.en}) that differs from the listing price.`, zh: `${where.zh}显示的价格（${t.zh}）与商品标价不一致。` };
    }
    case 'price.reference_claim': {
      const t = q(f.evidence.text);
      return { en: `${W} makes a reference-price or discount claim (${t.en}).`, zh: `${where.zh}含有原价或折扣宣称（${t.zh}）。` };
    }
    case 'price.discount_math': {
      const t = q(f.evidence.text);
      return { en: `${W} claims a discount that does not follow from the prices shown (${t.en}).`, zh: `${where.zh}宣称的折扣与所示价格不符（${t.zh}）。` };
    }
    case 'promo.coupon': {
      const t = q(f.evidence.text);
      return { en: `${W} advertises a coupon or promotion (${t.en}).`, zh: `${where.zh}含有优惠券或促销信息（${t.zh}）。` };
    }
    case 'livestream.overlay':
      return { en: `${W} looks like a livestream-shopping screen.`, zh: `${where.zh}看起来是直播带货画面。` };
    case 'badge.claim': {
      const t = q(f.evidence.text);
      return { en: `${W} shows a marketplace badge or guarantee claim (${t.en}).`, zh: `${where.zh}含有平台徽章或保证宣称（${t.zh}）。` };
    }
    case 'currency.banknote':
      return { en: `${W} shows banknote imagery.`, zh: `${where.zh}含有纸币图像。` };
    case 'provenance.unverified':
      return { en: `${W} carries content credentials (C2PA) that could not be verified.`, zh: `${where.zh}带有无法验证的内容凭证。` };
    case 'image.listed_match':
      return { en: `${W} is on a list of known images (${q(f.evidence.matches[0]?.list ?? '').en}).`, zh: `${where.zh}在已知图片名单上（${q(f.evidence.matches[0]?.list ?? '').zh}）。` };
    case 'image.reused':
      return { en: `${W} is the same as an image in another seller's listing.`, zh: `${where.zh}与其他卖家商品中的图片相同。` };
  }
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const truncate = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s).replace(/\s+/g, ' ');
