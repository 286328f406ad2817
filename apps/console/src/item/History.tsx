import type { Schemas } from '../api';
import { when } from '../format';
import { KeyValues } from '../KeyValues';

/** The listing's audit entries (who did what, why) and the notices its seller was sent. */
export function History({ audit, notices }: { audit: Schemas['AuditEntry'][]; notices: Schemas['Notice'][] }) {
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">History</h2>
      <h3>Audit log</h3>
      <ol className="audit" aria-label="Audit entries">
        {audit.map((a) => (
          <li key={a.seq}>
            <time dateTime={a.at}>{when(a.at)}</time> <strong>{a.action}</strong> by {a.actorType === 'key' ? `key ${a.actor.slice(0, 8)}` : a.actor}
            {a.reason && <> — “{a.reason}”</>}
          </li>
        ))}
        {audit.length === 0 && <li className="muted">No entries.</li>}
      </ol>
      <h3>Notices to the seller</h3>
      <ol className="notices" aria-label="Notices">
        {notices.map((n) => (
          <li key={n.id}>
            <NoticeCard notice={n} />
          </li>
        ))}
        {notices.length === 0 && <li className="muted">No notices.</li>}
      </ol>
    </section>
  );
}

/** A notice as the API returns it: its text, then every field (new fields show up without a change here). */
export function NoticeCard({ notice }: { notice: Schemas['Notice'] }) {
  const { rendered, statement, ...rest } = notice;
  return (
    <article className="notice" aria-label={`Notice ${notice.puid}`}>
      <p>
        <time dateTime={notice.createdAt}>{when(notice.createdAt)}</time> · seller {notice.sellerId} · listing <code>{notice.listingId.slice(0, 8)}</code>
        {notice.appealedAt && <span className="badge appeal">appealed {when(notice.appealedAt)}</span>}
      </p>
      <pre className="notice-text">{rendered.en}</pre>
      <details>
        <summary>中文</summary>
        <pre className="notice-text" lang="zh">
          {rendered.zh}
        </pre>
      </details>
      <details>
        <summary>Statement of reasons fields</summary>
        <KeyValues value={statement} />
      </details>
      <details>
        <summary>Other fields</summary>
        <KeyValues value={rest} />
      </details>
    </article>
  );
}
