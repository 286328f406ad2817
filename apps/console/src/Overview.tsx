import { useEffect, useState } from 'react';
import { api, errorText, type Schemas } from './api';
import { duration } from './format';
import { ErrorAlert } from './ErrorAlert';

const DAYS = 14;

/** Queue depth, decisions per day, automated vs reviewer share of seller notices, median time to decision. */
export function Overview() {
  const [data, setData] = useState<Schemas['ReviewOverview'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.GET('/v1/review/overview', { params: { query: { days: DAYS } } }).then(({ data: d, error: failed }) => {
      setData(d ?? null);
      setError(d ? null : errorText(failed));
    });
  }, []);
  if (error) return <ErrorAlert>{error}</ErrorAlert>;
  if (!data) return <p className="muted">Loading…</p>;
  const { automated, human } = data.noticesByAutomation;
  const notices = automated + human;
  const most = Math.max(1, ...data.decisionsPerDay.map((d) => d.decisions));
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <div className="tiles">
        <Tile label="Open" value={data.queueDepth.open} />
        <Tile label="Claimed" value={data.queueDepth.claimed} />
        <Tile label="Escalated" value={data.queueDepth.escalated} />
        <Tile label={`Median time to decision (${DAYS} d)`} value={data.medianSecondsToDecision === null ? '—' : duration(data.medianSecondsToDecision * 1000)} />
        <Tile label={`Notices by policy alone (${DAYS} d)`} value={notices ? `${Math.round((automated / notices) * 100)}%` : '—'} />
        <Tile label={`Notices with a reviewer (${DAYS} d)`} value={notices ? `${Math.round((human / notices) * 100)}%` : '—'} />
      </div>
      <h2>Decisions per day</h2>
      <table className="per-day">
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Decisions</th>
          </tr>
        </thead>
        <tbody>
          {data.decisionsPerDay.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>
                <span className="bar" style={{ width: `${(d.decisions / most) * 100}%` }} aria-hidden="true" /> {d.decisions}
              </td>
            </tr>
          ))}
          {data.decisionsPerDay.length === 0 && (
            <tr>
              <td colSpan={2}>No decisions in the last {DAYS} days.</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="tile">
      <span className="tile-value">{value}</span>
      <span className="tile-label">{label}</span>
    </div>
  );
}
