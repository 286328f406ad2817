import { type FormEvent, useEffect, useState } from 'react';
import { api, errorText, type Schemas } from '../api';
import { type Decision, DECISIONS, labelList } from '../decisions';
import { GroundSelect } from '../GroundSelect';

/**
 * Decides every selected item at once; the API claims and decides each on its own and reports each.
 * Label / unlabel asks for what the item view's form asks for: the labels to apply and to remove.
 */
export function BulkBar({ selected, items, onDone }: { selected: string[]; items: Schemas['ReviewItem'][]; onDone: () => void }) {
  const [decision, setDecision] = useState<Decision>('dismiss');
  const [note, setNote] = useState('');
  const [apply, setApply] = useState('');
  const [remove, setRemove] = useState('');
  const [grounds, setGrounds] = useState<string[]>([]);
  const [ground, setGround] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const first = selected[0];

  useEffect(() => {
    if (!first || decision !== 'confirm') return;
    void api.GET('/v1/review/items/{id}/grounds', { params: { path: { id: first } } }).then(({ data }) => {
      setGrounds(data?.grounds ?? []);
      setGround(data?.suggested ?? data?.grounds[0] ?? '');
    });
  }, [first, decision]);

  if (selected.length === 0) return message ? <p role="status">{message}</p> : null;
  const withLabels = decision === 'confirm' || decision === 'relabel';
  const marketplaces = new Set(items.filter((i) => selected.includes(i.id)).map((i) => i.marketplace));

  async function submit(event: FormEvent) {
    event.preventDefault();
    // As the item view's form: a confirm applies (and removes) the labels named, like a relabel.
    const labels = withLabels ? { labels: { apply: labelList(apply), remove: labelList(remove) } } : {};
    const decisions = selected.map((itemId) => ({ itemId, decision, note, ...(decision === 'confirm' ? { ground } : {}), ...labels }));
    const { data, error } = await api.POST('/v1/review/decisions/bulk', { body: { decisions } });
    if (!data) return setMessage(errorText(error));
    const failed = data.results.filter((r) => r.status !== 200);
    setMessage(`${data.results.length - failed.length} decided${failed.length ? `; ${failed.length} not: ${failed.map((f) => f.error?.message).join('; ')}` : ''}`);
    setNote('');
    setApply('');
    setRemove('');
    onDone();
  }

  return (
    <form className="bulk" aria-label="Bulk decision" onSubmit={submit}>
      <strong>{selected.length} selected</strong>
      <label>
        Decision
        <select value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
          {DECISIONS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      {decision === 'confirm' && (
        <GroundSelect grounds={grounds} value={ground} onChange={setGround} />
      )}
      {withLabels && (
        <>
          <label>
            Labels to apply
            <input value={apply} onChange={(e) => setApply(e.target.value)} placeholder="e.g. misleading-price" />
          </label>
          <label>
            Labels to remove
            <input value={remove} onChange={(e) => setRemove(e.target.value)} placeholder="e.g. ai-generated-image" />
          </label>
        </>
      )}
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} required />
      </label>
      <button type="submit" disabled={!note.trim() || (decision === 'confirm' && (!ground || marketplaces.size > 1))}>
        Decide {selected.length}
      </button>
      <p className="muted">{DECISIONS.find((d) => d.id === decision)?.effect}</p>
      {decision === 'confirm' && marketplaces.size > 1 && <p className="error">Confirm items of one marketplace at a time: each policy has its own grounds.</p>}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
