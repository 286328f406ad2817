import type { ContactKind } from '@listinglens/contracts';
import { foldOcrConfusions } from './ocr-confusions';

export type { ContactKind };

export interface ContactMention {
  kind: ContactKind;
  raw: string;
  start: number;
  end: number;
  /** The contact itself, normalised (digits only for phones, lower-case host for URLs); null when the
   * text only invites contact ("加微信") without saying where. */
  value: string | null;
}

const TLDS =
  'com|net|org|info|biz|io|co|me|shop|store|online|site|xyz|top|vip|app|link|cn|hk|tw|jp|kr|de|uk|fr|it|es|nl|ru|in|my|sg|au|ca|us|eu|cc|tv|ly';
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,10}/gu;
const URL = new RegExp(
  String.raw`(?:https?:\/\/|www\.)[^\s，。、"'<>()（）]+|(?<![\w@.-])(?:[a-z0-9][a-z0-9-]{1,62}\.)+(?:${TLDS})(?![a-z0-9-])(?:\/[^\s，。"'<>]*)?`,
  'giu',
);
// Handles after an app name: "WeChat: abc_123", "VX：shop888", "加V 13800138000", "微信号 abc", "Line ID @shop".
const HANDLE = String.raw`[:：]?\s?(?:id|ID|号|號)?\s?[:：]?\s?@?([A-Za-z][A-Za-z0-9_.-]{4,24}|\+?\d[\d\s-]{4,18}\d)`;
const APPS: [ContactKind, string][] = [
  ['wechat', String.raw`wechat|weixin|(?<![A-Za-z])(?:wx|vx|v信)(?![A-Za-z])|微信|薇信|威信|加\s?[vV](?![A-Za-z])|加微|V信`],
  ['whatsapp', String.raw`whats\s?app|(?<![A-Za-z])wa(?![A-Za-z])(?=\s?[:：+\d])`],
  ['telegram', String.raw`telegram|(?<![A-Za-z])tg(?![A-Za-z])(?=\s?[:：@])|t\.me\/`],
  ['line', String.raw`(?<![A-Za-z])line(?:\s?id)?(?![A-Za-z])(?=\s?[:：@])|(?<![A-Za-z])LINE(?![A-Za-z])`],
  ['qq', String.raw`(?<![A-Za-z])qq(?![A-Za-z])|扣扣`],
  ['wangwang', String.raw`旺旺|阿里旺旺`],
  ['kakaotalk', String.raw`kakao\s?talk|카카오톡|카톡`],
];
// A phone number: "+86 138 0013 8000", "(415) 555-0100", "03-9133 4364", "+60 3-2141 8888", "089 / 12 34 56",
// "555.123.4567", "13800138000". Groups part on a space, or on - . / with optional spaces around it.
const SEP = String.raw`(?:\s?[-./]\s?|\s)`;
const PHONE = new RegExp(
  String.raw`(?<![\w.,/])(\+\d{1,3}${SEP}?)?(?:\(\d{1,4}\)${SEP}?)?\d{1,4}(?:${SEP}?\d{2,4}){1,4}(?![\w,/%]|\.\d)`,
  'gu',
);
const PHONE_CONTEXT =
  /(?:(?<![A-Za-z])(?:tel|tél|telefon|teléfono|telp|phone|ph|call|mobile|mob|fax|hotline|whats\s?app|contact)\.?|(?<![A-Za-z])t(?=\s*[:：])|电话|手机|热线|联系|致电|咨询|客服|☎|📞|전화|고객센터)\s*(?:no\.?)?\s*[:：]?\s*$/iu;
// Written the way local numbers are, even with no word before them: an area code in brackets, or with a
// trunk 0 and a dash, then two groups ("03-5521 2268", "021-6234 5678", "(852) 2345 6789"). Spaces
// alone are not enough: "GST ID: 0016 6993 5104" is a tax number.
const LOCAL_FORMAT = /^(?:\(\d{1,4}\)\s?|0\d{1,3}\s?-\s?)\d{3,4}[\s-]\d{3,4}$/;
const CN_MOBILE = /^1[3-9]\d{9}$/;

/** Off-platform contacts: phone numbers, emails, URLs and bare domains, messaging apps and their handles. */
export function parseContacts(text: string): ContactMention[] {
  const found: ContactMention[] = [];
  const push = (m: ContactMention): void => {
    if (found.some((f) => f.start < m.end && f.end > m.start)) return;
    found.push(m);
  };
  // On the folded line (same length): "deal_982@gmail.c0m" has an O read as 0 between letters.
  for (const m of foldOcrConfusions(text).matchAll(EMAIL)) {
    const end = m.index + m[0].length;
    push({ kind: 'email', raw: text.slice(m.index, end), start: m.index, end, value: m[0].toLowerCase() });
  }
  for (const [kind, app] of APPS) {
    const re = new RegExp(String.raw`(?:${app})(?:\s?${HANDLE})?`, 'giu');
    for (const m of text.matchAll(re)) {
      const handle = m[1]?.trim();
      const value = handle ? (/^\+?[\d\s-]+$/.test(handle) ? handle.replace(/[^\d+]/g, '') : handle) : null;
      // A bare app name is an invitation only in Chinese ("加微信", "微信同号"); "LINE" alone is a word.
      if (!value && !/[\u4e00-\u9fff]/u.test(m[0])) continue;
      push({ kind, raw: m[0], start: m.index, end: m.index + m[0].length, value });
    }
  }
  for (const m of text.matchAll(URL)) {
    const raw = m[0].replace(/[.,;:!?]+$/, '');
    push({ kind: 'url', raw, start: m.index, end: m.index + raw.length, value: hostOf(raw) });
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const raw = m[0].trim();
    const context = PHONE_CONTEXT.test(before);
    const plausible = raw.startsWith('+') || isCnMobile(raw, digits) || LOCAL_FORMAT.test(raw) || context;
    if (!plausible || holdsDate(raw) || (!context && !raw.startsWith('+') && holdsMoney(raw))) continue;
    push({ kind: 'phone', raw: m[0].trim(), start: m.index, end: m.index + m[0].length, value: (m[1] ? '+' : '') + digits });
  }
  return found.sort((a, b) => a.start - b.start);
}

function hostOf(raw: string): string {
  return raw
    .replace(/^https?:\/\//i, '')
    .split(/[/?#]/)[0]
    .toLowerCase();
}

/**
 * A Chinese mobile number is 11 digits written whole or grouped 3-4-4 ("138 0013 8000"). Digits that only
 * add up to 11 across other groups are something else: "CHANGE 1.73 03/12/2026" on a receipt.
 */
function isCnMobile(raw: string, digits: string): boolean {
  if (!CN_MOBILE.test(digits)) return false;
  const groups = raw.split(/\D+/).map((g) => g.length).join(',');
  return groups === '11' || groups === '3,4,4';
}

/** A date inside the run ("2026-03-12", "03/12/2026", "12.03.26") makes it a date, a receipt line, not a phone. */
function holdsDate(raw: string): boolean {
  return /(?:^|\D)(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:\D|$)/.test(raw);
}

/** An amount with cents ("1.73 ") in the run: money on a receipt or tag, not a phone group. */
function holdsMoney(raw: string): boolean {
  return /(?:^|\s)\d{1,4}[.,]\d{2}(?:\s|$)/.test(raw);
}
