import { type FormEvent, useState } from 'react';
import { api, errorText, type Principal, session } from './api';
import { ErrorAlert } from './ErrorAlert';

/** Asks the API who the key is (GET /v1/me); a key the API refuses is never kept. */
export function SignIn({ onSignedIn }: { onSignedIn: (p: Principal) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    session.signIn(key.trim());
    const { data, error: failed } = await api.GET('/v1/me');
    setBusy(false);
    if (data) return onSignedIn(data);
    session.signOut();
    setError(errorText(failed));
  }

  return (
    <main className="sign-in">
      <h1>ListingLens review console</h1>
      <form onSubmit={submit}>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} required />
        <p className="muted">Kept in this tab only (sessionStorage) until you sign out or close the tab.</p>
        <button type="submit" disabled={busy || !key.trim()}>
          Sign in
        </button>
        <ErrorAlert>{error}</ErrorAlert>
      </form>
    </main>
  );
}
