import { toTdbSubmission } from '@listinglens/contracts';
import { parseContacts } from '@listinglens/text-detectors/contact-parser';
import { maskContact } from '@listinglens/text-detectors/mask-contact';

/**
 * Personal data never goes to the public DSA Transparency Database (art. 24(5)): a reviewer's note, a
 * policy ground or text read from an image may hold a seller's phone, e-mail, WeChat id or name. Contacts
 * are found with the contact detector's own parser and masked with the masking sellers see in their
 * notices (maskContact), so one rule decides what a contact looks like once masked. Masking twice
 * changes nothing: the submitter masks again what an older row stored unmasked.
 */
export function maskPersonalData(text: string): string {
  const spans: Array<{ start: number; end: number; masked: string }> = [];
  for (const c of parseContacts(text)) {
    if (c.value === null) continue; // an invitation ("加微信") names no one
    // A host right after "@" is the domain of an e-mail already masked ("s***@example.com").
    if (c.kind === 'url' && text[c.start - 1] === '@') continue;
    // Messaging apps: keep the app's name, mask the handle after it.
    const handle = c.kind === 'email' || c.kind === 'url' || c.kind === 'phone' ? null : /@?([A-Za-z][A-Za-z0-9_.-]{4,24}|\+?\d[\d\s-]{4,18}\d)$/.exec(c.raw);
    const start = handle ? c.start + handle.index : c.start;
    const end = c.kind === 'phone' ? phoneEnd(text, c.start + c.raw.length) : c.start + c.raw.length;
    const raw = text.slice(start, end);
    spans.push({ start, end: start + raw.length, masked: maskContact(raw) });
  }
  for (const re of NAME_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m.groups?.['name'];
      if (!name) continue;
      const start = (m.index ?? 0) + m[0].length - name.length;
      spans.push({ start, end: start + name.length, masked: maskContact(name) });
    }
  }
  let out = '';
  let at = 0;
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    // Overlaps keep the first; a span already followed by the mask is an earlier pass's output.
    if (s.start < at || text[s.end] === '*') continue;
    out += text.slice(at, s.start) + s.masked;
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * The parser stops a phone number short before a comma ("+86 138 0013 8000," is read as "+86 138 0013"),
 * which would publish its last group: groups of digits that follow at once are masked with it.
 */
function phoneEnd(text: string, end: number): number {
  let at = end;
  for (let more = /^[\s.-]?\d{2,4}(?![\d])/.exec(text.slice(at)); more; more = /^[\s.-]?\d{2,4}(?![\d])/.exec(text.slice(at))) at += more[0].length;
  return at;
}

/**
 * Names, where the text says it is one: after a title ("Mr Zhang Wei", "Ms. Smith"), after a label
 * ("name: John Smith", "联系人：张伟", "姓名 李娜"), or a Chinese surname with a title ("王先生", "李女士").
 * Names written bare ("call John") cannot be told from other words and are not caught.
 */
const CAP_NAME = String.raw`[A-Z][\p{L}'-]+(?:\s[A-Z][\p{L}'-]+){0,2}`;
const NAME_PATTERNS = [
  new RegExp(String.raw`(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Mme|Herr|Frau)\.?\s(?<name>${CAP_NAME})`, 'gu'),
  new RegExp(String.raw`(?<![\p{L}])(?:[Nn]ame|[Cc]ontact person|[Ss]eller name)(?:\s?[:：]|\sis)\s?(?<name>${CAP_NAME})`, 'gu'),
  /(?:姓名|名字|联系人|收件人|店主|卖家)\s?[:：]?\s?(?<name>[\u4e00-\u9fff]{2,3})/gu,
  /(?<name>[\u4e00-\u9fff]{1,2}(?:先生|女士|小姐))/gu,
];

/** Free-text fields of a statement of reasons: everything else is a code, a date or our puid. */
const FREE_TEXT_FIELDS = [
  'decision_visibility_other',
  'decision_monetary_other',
  'category_specification_other',
  'illegal_content_legal_ground',
  'illegal_content_explanation',
  'incompatible_content_ground',
  'incompatible_content_explanation',
  'content_type_other',
  'decision_facts',
  'source_identity',
];

/** A statement with personal data masked in every free-text field (other fields as they are). */
export function publicStatement<T extends object>(statement: T): T {
  const out = { ...statement } as Record<string, unknown>;
  for (const field of FREE_TEXT_FIELDS) {
    const value = out[field];
    if (typeof value === 'string') out[field] = maskPersonalData(value);
  }
  return out as T;
}

/** Exactly what is POSTed to the Transparency Database, and so what the public reads. */
export function publicSubmission(statement: object): Record<string, unknown> {
  return toTdbSubmission(publicStatement(statement));
}
