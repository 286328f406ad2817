import type { EvidenceOf, Finding } from '@listinglens/contracts';
import { type AnalyzedImage, type Detector, type DetectorContext, ImageError } from '@listinglens/pipeline';
import { imageTextLines } from '../image-text-lines';
import { maskContact } from '../mask-contact';
import { matchEvidence, round2 } from '../match-evidence';
import { type ContactKind, parseContacts } from '../parsers/contact-parser';
import type { QrCodeHit, QrCodeReader } from '../qr-code-reader';
import { RULE_SEVERITY } from '../rule-severity';
import { acrossSeam, linesAndStackedPairs } from '../text-lines';

const RULE_ID = 'text.contact-off-platform';
const VERSION = 1;

/**
 * contact.off_platform: phone numbers, emails, URLs, messaging handles read by OCR, and QR codes decoded
 * from the pixels. One finding per distinct contact per image. Evidence keeps the full value for
 * reviewers and a masked form for anything shown to the seller.
 */
export function contactOffPlatformDetector(qr: QrCodeReader | null): Detector {
  return {
    id: RULE_ID,
    version: VERSION,
    async detect(ctx: DetectorContext): Promise<Finding[]> {
      const findings: Finding[] = [];
      for (const image of ctx.images) {
        const seen = new Set<string>();
        const emit = (certainty: number, evidence: EvidenceOf<'contact.off_platform'>): void => {
          const key = `${evidence.kind}:${evidence.value ?? evidence.text}`;
          if (seen.has(key)) return;
          seen.add(key);
          findings.push({
            code: 'contact.off_platform',
            severity: RULE_SEVERITY['contact.off_platform'],
            confidence: round2(certainty),
            imagePosition: image.position,
            evidence,
            ruleId: RULE_ID,
            ruleVersion: VERSION,
          });
        };

        const lines = (await imageTextLines(ctx, image)) ?? [];
        // An app's name over its handle ("Telegram" above "@vip1988" on a seal) is one contact.
        for (const { line, seam } of linesAndStackedPairs(lines)) {
          for (const c of parseContacts(line.text)) {
            if (!acrossSeam(seam, c.start, c.end)) continue;
            const where = matchEvidence(line, c.start, c.end);
            // An invitation without the handle ("加微信") is a weaker signal than the handle itself.
            emit(where.ocrConfidence * (c.value ? 0.95 : 0.6), { ...contact(c.kind, c.value), source: 'ocr', ...where });
          }
        }
        for (const hit of qr ? await readQr(qr, ctx, image) : []) {
          const kind = classifyQrPayload(hit.payload);
          if (!kind) continue;
          emit(0.95, { ...contact(kind, hit.payload), source: 'qr', text: hit.payload, payload: hit.payload, box: hit.box, scale: hit.scale });
        }
      }
      return findings;
    },
  };
}

/** The full value is for reviewers; the masked one is what a seller may be shown. */
function contact(kind: ContactKind, value: string | null): { kind: ContactKind; value: string | null; masked: string | null } {
  return { kind, value, masked: value ? maskContact(value) : null };
}

/** QR codes of one image; an image QR reading fails on (unreadable, out of time) records its error. */
async function readQr(qr: QrCodeReader, ctx: DetectorContext, image: AnalyzedImage): Promise<QrCodeHit[]> {
  try {
    return await qr.read(image.bytes, ctx.stepDeadline());
  } catch (err) {
    if (!(err instanceof ImageError)) throw err;
    ctx.reportError(image, err.toView());
    return [];
  }
}

/** What a QR code points to, when it is a way to reach someone; null for other payloads (serials, Wi-Fi). */
export function classifyQrPayload(payload: string): ContactKind | null {
  const p = payload.trim();
  if (/^weixin:|wechat\.com|weixin\.qq\.com|wxp:\/\//i.test(p)) return 'wechat';
  if (/wa\.me\/|whatsapp\.com|^whatsapp:/i.test(p)) return 'whatsapp';
  if (/t\.me\/|telegram\.me|^tg:/i.test(p)) return 'telegram';
  if (/line\.me\//i.test(p)) return 'line';
  if (/^mailto:/i.test(p)) return 'email';
  if (/^tel:|^sms:/i.test(p)) return 'phone';
  if (/^https?:\/\//i.test(p)) return 'url';
  return parseContacts(p)[0]?.kind ?? null;
}
