import { useEffect, useState } from 'react';
import { api, errorText, type Schemas } from '../api';
import { age } from '../format';
import { go } from '../route';
import { BulkBar } from './BulkBar';
import { QueueThumb } from './QueueThumb';
import { Filters, type QueueFilters } from './Filters';
import { ErrorAlert } from '../ErrorAlert';

const PAGE = 50;

/**
 * The queue, paged by the server's keyset cursor (a page costs the same at item 10 and item 10,000);
 * the counts and the oldest age come from /v1/review/summary with the same filters.
 */
export function Queue() {
  const [filters, setFilters] = useState<QueueFilters>({});
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<Schemas['ReviewItemPage'] | null>(null);
  const [summary, setSummary] = useState<Schemas['ReviewQueueSummary'] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const cursor = cursors.at(-1);

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.GET('/v1/review/items', { params: { query: { ...filters, cursor, limit: PAGE } } }),
      api.GET('/v1/review/summary', { params: { query: filters } }),
    ]).then(([items, counts]) => {
      if (!live) return;
      setError(items.error ? errorText(items.error) : counts.error ? errorText(counts.error) : null);
      setPage(items.data ?? null);
      setSummary(counts.data ?? null);
    });
    return () => {
      live = false;
    };
  }, [filters, cursor, reload]);

  const changeFilters = (f: QueueFilters) => {
    setFilters(f);
    setCursors([undefined]);
    setSelected(new Set());
  };
  const toggle = (id: string) => setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  const items = page?.items ?? [];

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Review queue</h1>
      <Filters value={filters} onChange={changeFilters} />
      <p className="summary" aria-live="polite" data-testid="queue-summary">
        {summary ? (
          <>
            <strong>{summary.total}</strong> {summary.total === 1 ? 'item' : 'items'}
            {summary.oldestCreatedAt && <> · oldest waiting {age(summary.oldestCreatedAt)}</>}
          </>
        ) : (
          'Counting…'
        )}
      </p>
      <ErrorAlert>{error}</ErrorAlert>
      <BulkBar selected={[...selected]} items={items} onDone={() => (setSelected(new Set()), setReload((n) => n + 1))} />
      <ul className="queue" aria-label="Review items">
        {items.map((item) => (
          <li key={item.id} className={`sev-${item.severity}`}>
            <input type="checkbox" aria-label={`Select ${item.codes.join(', ')} on ${item.sellerId}`} checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
            {item.preview?.image && item.scanId ? <QueueThumb scanId={item.scanId} image={item.preview.image} title={item.preview.title} /> : <div className="thumb" />}
            <span className="listing">
              <strong className="title">{item.preview?.title ?? item.listingId}</strong>
              {item.preview && (
                <span className="prices" data-testid="row-prices">
                  {item.preview.priceRead && `Price read ${item.preview.priceRead.amount} ${item.preview.priceRead.currencies.join('/')} · `}
                  listing price {item.preview.price.amount} {item.preview.price.currency}
                </span>
              )}
            </span>
            <span className={`badge sev-${item.severity}`}>{item.severity}</span>
            <span className="codes">{item.codes.join(', ')}</span>
            <span>
              {item.marketplace} · seller {item.sellerId}
            </span>
            <span>
              {item.isAppeal && <span className="badge appeal">appeal</span>} {item.status}
            </span>
            <span className="muted">waiting {age(item.createdAt)}</span>
            <button type="button" onClick={() => go('item', item.id)} disabled={item.status === 'decided'} aria-label={`Claim and open ${item.codes.join(', ')} on ${item.sellerId}`}>
              Claim
            </button>
          </li>
        ))}
        {page && items.length === 0 && <li className="muted">Nothing matches these filters.</li>}
      </ul>
      <nav className="pager" aria-label="Queue pages">
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button type="button" disabled={!page?.nextCursor} onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor ?? undefined])}>
          Next page
        </button>
      </nav>
    </section>
  );
}
