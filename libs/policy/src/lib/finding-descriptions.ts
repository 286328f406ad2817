import type { Finding } from '@listinglens/contracts';

/**
 * One finding in plain words for a seller, in English and Chinese. Contact details appear only in
 * their masked form (`evidence.masked`); raw OCR text of a contact finding is never used.
 */
export function describeFinding(f: Finding): { en: string; zh: string } {
  const where = f.imagePosition === null ? { en: 'the listing', zh: '商品信息' } : { en: `image ${f.imagePosition + 1}`, zh: `第 ${f.imagePosition + 1} 张图片` };
  const e = f.evidence;
  const text = typeof e['text'] === 'string' ? truncate(e['text']) : '';
  switch (f.code) {
    case 'contact.off_platform': {
      const masked = typeof e['masked'] === 'string' ? e['masked'] : 'a contact detail';
      return { en: `${cap(where.en)} shows an off-platform contact (${masked}).`, zh: `${where.zh}中含有站外联系方式（${masked}）。` };
    }
    case 'ai.undisclosed':
    case 'ai.provenance':
    case 'ai.watermark':
      return { en: `${cap(where.en)} is likely AI-generated or AI-edited and the listing does not disclose it.`, zh: `${where.zh}很可能由人工智能生成或编辑，但商品未作披露。` };
    case 'ai.forensic':
      return { en: `${cap(where.en)} shows statistical traces typical of generated images (weak evidence).`, zh: `${where.zh}带有生成图像常见的统计痕迹（弱证据）。` };
    case 'price.mismatch':
      return { en: `${cap(where.en)} shows a price ("${text}") that differs from the listing price.`, zh: `${where.zh}显示的价格（"${text}"）与商品标价不一致。` };
    case 'price.reference_claim':
      return { en: `${cap(where.en)} makes a reference-price or discount claim ("${text}").`, zh: `${where.zh}含有原价或折扣宣称（"${text}"）。` };
    case 'price.discount_math':
      return { en: `${cap(where.en)} claims a discount that does not follow from the prices shown ("${text}").`, zh: `${where.zh}宣称的折扣与所示价格不符（"${text}"）。` };
    case 'promo.coupon':
      return { en: `${cap(where.en)} advertises a coupon or promotion ("${text}").`, zh: `${where.zh}含有优惠券或促销信息（"${text}"）。` };
    case 'livestream.overlay':
      return { en: `${cap(where.en)} looks like a livestream-shopping screen.`, zh: `${where.zh}看起来是直播带货画面。` };
    case 'badge.claim':
      return { en: `${cap(where.en)} shows a marketplace badge or guarantee claim ("${text}").`, zh: `${where.zh}含有平台徽章或保证宣称（"${text}"）。` };
    case 'currency.banknote':
      return { en: `${cap(where.en)} shows banknote imagery.`, zh: `${where.zh}含有纸币图像。` };
    case 'provenance.unverified':
      return { en: `${cap(where.en)} carries content credentials (C2PA) that could not be verified.`, zh: `${where.zh}带有无法验证的内容凭证（C2PA）。` };
    case 'image.reused':
      return { en: `${cap(where.en)} is the same as an image in another seller's listing.`, zh: `${where.zh}与其他卖家商品中的图片相同。` };
  }
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const truncate = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s).replace(/\s+/g, ' ');
