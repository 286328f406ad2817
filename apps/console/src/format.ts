/** Short human durations: "45 s", "12 min", "3 h 5 min", "4 d 2 h". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

export const age = (iso: string, now = Date.now()) => duration(now - new Date(iso).getTime());

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }) : '—');

// The queue's filter choices: the finding codes and severities of contracts/findings.ts, copied because the
// console bundle cannot import the Node-side libraries (test/console/filter-choices.test.ts fails when the two drift apart).
export const FINDING_CODES = [
  'price.mismatch',
  'price.reference_claim',
  'price.discount_math',
  'promo.coupon',
  'livestream.overlay',
  'badge.claim',
  'contact.off_platform',
  'currency.banknote',
  'ai.provenance',
  'ai.watermark',
  'ai.forensic',
  'ai.undisclosed',
  'image.reused',
  'provenance.unverified',
] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
