import { FINDING_CODES, SEVERITIES } from '../format';

export interface QueueFilters {
  status?: 'open' | 'claimed' | 'escalated' | 'decided';
  code?: string;
  severity?: (typeof SEVERITIES)[number];
  marketplace?: string;
  appeal?: 'true' | 'false';
}

const STATUSES = ['open', 'claimed', 'escalated', 'decided'] as const;

/** The queue's filters; every change goes back to the server (counts and pages are server-side). */
export function Filters({ value, onChange }: { value: QueueFilters; onChange: (f: QueueFilters) => void }) {
  const set = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch });
  const pick = <T extends string>(v: string) => (v === '' ? undefined : (v as T));
  return (
    <form className="filters" aria-label="Queue filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Code
        <select value={value.code ?? ''} onChange={(e) => set({ code: pick(e.target.value) })}>
          <option value="">any</option>
          {FINDING_CODES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select value={value.severity ?? ''} onChange={(e) => set({ severity: pick(e.target.value) })}>
          <option value="">any</option>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Marketplace
        <input value={value.marketplace ?? ''} onChange={(e) => set({ marketplace: e.target.value.trim() || undefined })} placeholder="any" />
      </label>
      <label>
        Status
        <select value={value.status ?? ''} onChange={(e) => set({ status: pick(e.target.value) })}>
          <option value="">not decided</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        Appeal
        <select value={value.appeal ?? ''} onChange={(e) => set({ appeal: pick(e.target.value) })}>
          <option value="">both</option>
          <option value="true">appeals only</option>
          <option value="false">first reviews only</option>
        </select>
      </label>
    </form>
  );
}
