/** Any JSON (evidence, a statement of reasons, a database answer) as nested term/definition lists. */
export function KeyValues({ value, skip = [] }: { value: unknown; skip?: string[] }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return <span>{value.map(String).join(', ') || '—'}</span>;
    return (
      <ol className="kv-list">
        {value.map((v, i) => (
          <li key={i}>
            <KeyValues value={v} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !skip.includes(k));
    return (
      <dl className="kv">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k.replace(/_/g, ' ')}</dt>
            <dd>
              <KeyValues value={v} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
