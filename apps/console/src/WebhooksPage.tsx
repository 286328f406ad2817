import { useCallback, useEffect, useState } from 'react';
import { api, errorText, type Schemas } from './api';
import { when } from './format';

/** Endpoints, each one's delivery log with every attempt, and a replay button per delivery (admin). */
export function WebhooksPage() {
  const [endpoints, setEndpoints] = useState<Schemas['WebhookEndpoint'][]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [deliveries, setDeliveries] = useState<Schemas['WebhookDelivery'][]>([]);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void api.GET('/v1/webhook-endpoints').then(({ data, error }) => {
      const items = data?.items ?? [];
      setEndpoints(items);
      setChosen(items[0]?.id ?? null);
      if (error) setMessage(errorText(error));
    });
  }, []);

  const loadDeliveries = useCallback(async (id: string) => {
    const { data } = await api.GET('/v1/webhook-endpoints/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } } });
    setDeliveries(data?.items ?? []);
  }, []);
  useEffect(() => {
    if (chosen) void loadDeliveries(chosen);
  }, [chosen, loadDeliveries]);

  async function replay(messageId: string) {
    if (!chosen) return;
    const { data, error } = await api.POST('/v1/webhook-endpoints/{id}/deliveries/{messageId}/replay', { params: { path: { id: chosen, messageId } } });
    setMessage(data ? `${messageId}: ${data.status} (attempt ${data.attempt})` : errorText(error));
    await loadDeliveries(chosen);
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhook endpoints</h1>
      <ul className="endpoints" aria-label="Endpoints">
        {endpoints.map((e) => (
          <li key={e.id}>
            <button type="button" aria-pressed={chosen === e.id} onClick={() => setChosen(e.id)}>
              {e.url}
            </button>{' '}
            <span className="muted">{e.events.join(', ')}</span>
            {e.disabledAt && <span className="error"> disabled: {e.disabledReason}</span>}
            {e.failingSince && !e.disabledAt && <span className="error"> failing since {when(e.failingSince)}</span>}
          </li>
        ))}
        {endpoints.length === 0 && <li className="muted">No endpoints registered.</li>}
      </ul>
      {message && <p role="status">{message}</p>}
      <h2>Deliveries</h2>
      <div className="table-wrap">
        <table className="deliveries">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Created</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.messageId}>
                <td>
                  {d.eventType}
                  <br />
                  <code className="muted">{d.messageId}</code>
                </td>
                <td>{d.status}</td>
                <td>
                  <ol className="attempts">
                    {d.attempts.map((a, i) => (
                      <li key={i}>{`${when(a.at)} · ${a.statusCode ?? a.error ?? 'no answer'} · ${a.latencyMs} ms`}</li>
                    ))}
                  </ol>
                </td>
                <td>{when(d.createdAt)}</td>
                <td>
                  <button type="button" onClick={() => void replay(d.messageId)} aria-label={`Replay ${d.eventType} ${d.messageId}`}>
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
