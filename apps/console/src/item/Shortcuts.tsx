import { DECISIONS } from '../decisions';

/** The keys the item page answers to, listed where the reviewer works. */
export function Shortcuts() {
  return (
    <section aria-labelledby="shortcuts-title" className="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {DECISIONS.map((d) => (
          <div key={d.id}>
            <dt>
              <kbd>{d.key}</kbd>
            </dt>
            <dd>{d.title}: choose it and write the note</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </dt>
          <dd>send the decision</dd>
        </div>
      </dl>
    </section>
  );
}
