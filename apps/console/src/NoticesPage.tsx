import { useEffect, useState } from 'react';
import { api, errorText, type Schemas } from './api';
import { NoticeCard } from './item/History';
import { ErrorAlert } from './ErrorAlert';

/** Every seller's notices, newest first; the appeals page is the same list, appealed ones only. */
export function NoticesPage({ appealed }: { appealed: boolean }) {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<Schemas['NoticePage'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cursor = cursors.at(-1);
  const title = appealed ? 'Appeals' : 'Notices';

  useEffect(() => {
    let live = true;
    void api.GET('/v1/notices', { params: { query: { cursor, limit: 20, ...(appealed ? { appealed: 'true' } : {}) } } }).then(({ data, error: failed }) => {
      if (!live) return;
      setPage(data ?? null);
      setError(data ? null : errorText(failed));
    });
    return () => {
      live = false;
    };
  }, [appealed, cursor]);

  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">{title}</h1>
      {appealed && (
        <p>
          Appealed notices. The appeals themselves wait in the <a href="#/queue">queue</a> (filter Appeal: appeals only), with the seller's reason.
        </p>
      )}
      <ErrorAlert>{error}</ErrorAlert>
      <ol className="notices" aria-label={title}>
        {page?.items.map((n) => (
          <li key={n.id}>
            <NoticeCard notice={n} />
          </li>
        ))}
        {page && page.items.length === 0 && <li className="muted">None yet.</li>}
      </ol>
      <nav className="pager" aria-label={`${title} pages`}>
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Newer
        </button>
        <button type="button" disabled={!page?.nextCursor} onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor ?? undefined])}>
          Older
        </button>
      </nav>
    </section>
  );
}
