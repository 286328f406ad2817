import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, errorText, type Schemas } from '../api';
import { type Decision, DECISIONS, labelList } from '../decisions';
import { GroundSelect } from '../GroundSelect';
import { ErrorAlert } from '../ErrorAlert';
import { PublicPreview } from './PublicPreview';

interface Props {
  item: Schemas['ReviewItem'];
  labels: string[];
  onDecided: (result: Schemas['ReviewDecisionResult']) => void;
}

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * Confirm (on a ground the policy defines: a list, never free text), dismiss, label/unlabel or
 * escalate, each with a note. Letter keys pick a decision and put the cursor in the note;
 * Ctrl+Enter (⌘+Enter) sends it.
 */
export function DecisionPanel({ item, labels, onDecided }: Props) {
  const [decision, setDecision] = useState<Decision>('confirm');
  const [grounds, setGrounds] = useState<string[]>([]);
  const [ground, setGround] = useState('');
  const [apply, setApply] = useState('');
  const [remove, setRemove] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    void api.GET('/v1/review/items/{id}/grounds', { params: { path: { id: item.id } } }).then(({ data }) => {
      setGrounds(data?.grounds ?? []);
      setGround(data?.suggested ?? data?.grounds[0] ?? '');
    });
  }, [item.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        formRef.current?.requestSubmit();
        return;
      }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const picked = DECISIONS.find((d) => d.key === e.key.toLowerCase());
      if (!picked) return;
      e.preventDefault();
      setDecision(picked.id);
      noteRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const labelChange = decision === 'confirm' || decision === 'relabel' ? { labels: { apply: labelList(apply), remove: labelList(remove) } } : {};
  const body = { decision, note, ...(decision === 'confirm' ? { ground } : {}), ...labelChange };
  const complete = note.trim() !== '' && (decision !== 'confirm' || ground !== '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { data, error: failed } = await api.POST('/v1/review/items/{id}/decision', { params: { path: { id: item.id } }, body });
    if (data) onDecided(data);
    else setError(errorText(failed));
  }

  const chosen = DECISIONS.find((d) => d.id === decision);
  return (
    <form ref={formRef} className="decide" aria-label="Decision" onSubmit={submit}>
      <fieldset>
        <legend>Decision</legend>
        {DECISIONS.map((d) => (
          <label key={d.id} className="choice">
            <input type="radio" name="decision" value={d.id} checked={decision === d.id} onChange={() => setDecision(d.id)} />
            {d.title} <kbd>{d.key}</kbd>
          </label>
        ))}
      </fieldset>
      <p className="effect" data-testid="decision-effect">
        <strong>For the seller:</strong> {chosen?.effect}
      </p>
      {decision === 'confirm' && (
        <GroundSelect grounds={grounds} value={ground} onChange={setGround} />
      )}
      {(decision === 'confirm' || decision === 'relabel') && (
        <div className="labels">
          <label>
            Labels to apply
            <input value={apply} onChange={(e) => setApply(e.target.value)} placeholder="e.g. misleading-price" />
          </label>
          {decision === 'relabel' && (
            <label>
              Labels to remove
              <input value={remove} onChange={(e) => setRemove(e.target.value)} placeholder={labels.join(', ') || 'none on the listing'} />
            </label>
          )}
        </div>
      )}
      <label>
        Note
        <textarea ref={noteRef} value={note} onChange={(e) => setNote(e.target.value)} required rows={3} />
      </label>
      <PublicPreview itemId={item.id} body={complete ? body : null} />
      <button type="submit" disabled={!complete}>
        {chosen?.title} <span className="muted">(Ctrl+Enter)</span>
      </button>
      <ErrorAlert>{error}</ErrorAlert>
    </form>
  );
}
