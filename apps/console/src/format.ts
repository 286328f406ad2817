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

import { SEVERITIES as BY_RANK } from '@listinglens/contracts/finding-codes';

// The queue's filter choices: the contracts' finding codes, and its severities gravest first.
export { FINDING_CODES } from '@listinglens/contracts/finding-codes';
export const SEVERITIES = [...BY_RANK].reverse() as Array<(typeof BY_RANK)[number]>;
