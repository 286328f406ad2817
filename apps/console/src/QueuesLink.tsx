import { useState } from 'react';
import { session } from './api';

const DASHBOARD = '/admin/queues';

/**
 * Opens the BullMQ dashboard (bull-board) for an admin: the page cannot send the key in a header, so the
 * key first mints the dashboard's own short-lived cookie (HttpOnly, SameSite=Strict, that path only).
 */
export function QueuesLink() {
  const [failed, setFailed] = useState<string | null>(null);
  async function open() {
    setFailed(null);
    const res = await fetch(`${DASHBOARD}/session`, { method: 'POST', headers: { authorization: `Bearer ${session.key() ?? ''}` } });
    if (res.ok) window.open(`${DASHBOARD}/`, '_blank', 'noopener');
    else setFailed(`the queue dashboard refused: HTTP ${res.status}`);
  }
  return (
    <>
      <button type="button" onClick={() => void open()}>
        Queues
      </button>
      {failed && <span role="alert">{failed}</span>}
    </>
  );
}
