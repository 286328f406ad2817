import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api';

type Preview = Schemas['DecisionPreview'];
type Body = { decision: string; note: string; ground?: string; labels?: { apply: string[]; remove: string[] } };

/** The fields of a statement a reader of the public database sees as prose. */
const SHOWN: Array<[string, string]> = [
  ['incompatible_content_explanation', 'Explanation'],
  ['incompatible_content_ground', 'Ground'],
  ['decision_facts', 'Facts'],
];

/**
 * Which text the decision would publish in the DSA Transparency Database, as the api would send it
 * (contacts and names masked), asked again while the reviewer types (debounced). Nothing is written.
 */
export function PublicPreview({ itemId, body }: { itemId: string; body: Body | null }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const key = JSON.stringify(body);

  useEffect(() => {
    if (!body) return setPreview(null);
    let live = true;
    const timer = setTimeout(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the body is the decision form's, checked by the api
      void api.POST('/v1/review/items/{id}/decision-preview', { params: { path: { id: itemId } }, body: body as any }).then(({ data }) => {
        if (live) setPreview(data ?? null);
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [itemId, key]); // `key` is the body by value: a new object with the same fields asks nothing again

  const published = preview?.notices.filter((n) => n.sentToDatabase) ?? [];
  return (
    <section className="public-preview" data-testid="public-preview" aria-label="Published in the Transparency Database">
      <strong>Public (DSA Transparency Database):</strong>{' '}
      {!preview ? (
        <span className="muted">…</span>
      ) : published.length === 0 ? (
        <span>nothing: this decision restricts nothing, so no statement is published.</span>
      ) : (
        published.map((n, i) => (
          <dl key={i}>
            {SHOWN.filter(([field]) => typeof n.public[field] === 'string').map(([field, title]) => (
              <div key={field}>
                <dt>{title}</dt>
                <dd data-field={field}>{String(n.public[field])}</dd>
              </div>
            ))}
          </dl>
        ))
      )}
    </section>
  );
}
