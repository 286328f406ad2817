import { useEffect, useState } from 'react';

/** Hash routes (#/queue, #/item/<id>, …): the api serves one index.html and needs no fallback rules. */
export interface Route {
  page: string;
  id: string | null;
}

const parse = (): Route => {
  const [page, id] = window.location.hash.replace(/^#\/?/, '').split('/');
  return { page: page || 'home', id: id ? decodeURIComponent(id) : null };
};

export function useRoute(): Route {
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const onChange = () => setRoute(parse());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const go = (page: string, id?: string) => {
  window.location.hash = id ? `#/${page}/${encodeURIComponent(id)}` : `#/${page}`;
};
