import createClient from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

/** Every call goes through this client, typed from the committed openapi.json (generated at build). */
export type Schemas = components['schemas'];
export type Principal = Schemas['Principal'];

const KEY = 'listinglens.console.apiKey';

/** The key lives in sessionStorage only: gone when the tab closes, never in a URL or a cookie. */
export const session = {
  key: (): string | null => sessionStorage.getItem(KEY),
  signIn: (key: string) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const key = session.key();
    if (key) request.headers.set('authorization', `Bearer ${key}`);
    return request;
  },
});

/** The API's error body as one line a reviewer can act on. */
export function errorText(error: unknown): string {
  const body = error as { error?: { message?: string; fields?: Array<{ field: string; message: string }> } } | undefined;
  const fields = body?.error?.fields?.map((f) => `${f.field}: ${f.message}`).join('; ');
  return fields || body?.error?.message || 'the request failed';
}

/** `admin` can do everything; any one of `scopes` grants. */
export function can(principal: Principal | null, ...scopes: string[]): boolean {
  return !!principal && principal.scopes.some((s) => s === 'admin' || scopes.includes(s));
}
