import { useEffect, useRef, useState } from 'react';
import { api, errorText, type Schemas } from '../api';

const LEASE_SECONDS = 300;
const RENEW_MS = 60_000;

/**
 * Claiming opens the item: a 5-minute lease, renewed every minute while the page is open (the API lets
 * the holder re-claim its own item), given back when the reviewer leaves (unmount or tab close).
 * `finish()` stops renewing once the item is decided, so nothing is released that is no longer held.
 */
export function useClaim(itemId: string) {
  const [item, setItem] = useState<Schemas['ReviewItem'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const held = useRef(false);

  useEffect(() => {
    let stopped = false;
    const claim = async () => {
      const { data, error: failed } = await api.POST('/v1/review/items/{id}/claim', { params: { path: { id: itemId } }, body: { leaseSeconds: LEASE_SECONDS } });
      if (stopped) return;
      held.current = !!data;
      if (data) setItem(data);
      else setError(errorText(failed));
    };
    const release = () => {
      if (!held.current) return;
      held.current = false;
      // keepalive: the request outlives the page when the tab is closing.
      void api.POST('/v1/review/items/{id}/release', { params: { path: { id: itemId } }, keepalive: true });
    };
    void claim();
    const timer = window.setInterval(() => held.current && void claim(), RENEW_MS);
    window.addEventListener('pagehide', release);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [itemId]);

  const finish = (decided: Schemas['ReviewItem']) => {
    held.current = decided.status === 'claimed';
    setItem(decided);
  };
  return { item, error, finish };
}
