import { useEffect, useState } from 'react';
import { api, can, type Principal, session } from './api';
import { ItemView } from './item/ItemView';
import { NoticesPage } from './NoticesPage';
import { Overview } from './Overview';
import { Queue } from './queue/Queue';
import { go, useRoute } from './route';
import { SignIn } from './SignIn';
import { WebhooksPage } from './WebhooksPage';
import { QueuesLink } from './QueuesLink';

interface Page {
  id: string;
  title: string;
  scopes: string[];
}

// What a key's scopes allow decides what is shown (the API enforces it either way).
const PAGES: Page[] = [
  { id: 'queue', title: 'Queue', scopes: ['review'] },
  { id: 'overview', title: 'Overview', scopes: ['review'] },
  { id: 'notices', title: 'Notices', scopes: ['read', 'review'] },
  { id: 'appeals', title: 'Appeals', scopes: ['read', 'review'] },
  { id: 'webhooks', title: 'Webhooks', scopes: [] },
];

export function App() {
  const [principal, setPrincipal] = useState<Principal | null>(null);
  const [checking, setChecking] = useState(() => session.key() !== null);
  const route = useRoute();

  useEffect(() => {
    if (!session.key()) return;
    void api.GET('/v1/me').then(({ data }) => {
      if (data) setPrincipal(data);
      else session.signOut();
      setChecking(false);
    });
  }, []);

  if (checking) return <p className="muted">Signing in…</p>;
  if (!principal) return <SignIn onSignedIn={setPrincipal} />;

  const pages = PAGES.filter((p) => can(principal, ...p.scopes));
  const page = route.page === 'item' ? 'item' : (pages.find((p) => p.id === route.page) ?? pages[0])?.id;
  const signOut = () => {
    session.signOut();
    setPrincipal(null);
    go('home');
  };

  return (
    <div className="shell">
      <header>
        <strong>ListingLens</strong>
        <nav aria-label="Console pages">
          {pages.map((p) => (
            <a key={p.id} href={`#/${p.id}`} aria-current={page === p.id ? 'page' : undefined}>
              {p.title}
            </a>
          ))}
        </nav>
        <span className="who">
          {principal.name} <span className="muted">({principal.scopes.join(', ')})</span>
        </span>
        {principal.scopes.includes('admin') && <QueuesLink />}
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {page === 'item' && route.id && can(principal, 'review') && <ItemView key={route.id} itemId={route.id} />}
        {page === 'queue' && <Queue />}
        {page === 'overview' && <Overview />}
        {page === 'notices' && <NoticesPage appealed={false} />}
        {page === 'appeals' && <NoticesPage appealed={true} />}
        {page === 'webhooks' && <WebhooksPage />}
        {!page && <p>This key ({principal.scopes.join(', ')}) has nothing to review here: the console needs a review, read or admin key.</p>}
      </main>
    </div>
  );
}
