import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `npm run build` puts the console bundle (vite outDir): dist/console, next to dist/apps. */
export const CONSOLE_DIR = resolve(__dirname, '../../../../console');
const PREFIX = '/console';

// Images are the evidence the api serves (fetched with the key, shown as blob: URLs): a reviewer's browser
// never loads a seller's URL, so no seller learns who reviews or can show the reviewer other pixels.
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The review console at /console/ (same origin as the API, so the key never crosses origins). It is
 * a static bundle; an api started without it still runs and says at /console how to build it.
 */
export async function mountConsole(app: NestFastifyApplication, dir = CONSOLE_DIR): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  if (!existsSync(join(dir, 'index.html'))) {
    const page = '<!doctype html><title>ListingLens console</title><p>The review console is not built. Run <code>npm run build</code>, then restart the api.</p>';
    for (const url of [PREFIX, `${PREFIX}/*`]) {
      fastify.get(url, (_request, reply) => reply.code(503).type('text/html; charset=utf-8').send(page));
    }
    return;
  }
  fastify.get(PREFIX, (_request, reply) => reply.redirect(`${PREFIX}/`, 301));
  await app.register(fastifyStatic, {
    root: dir,
    prefix: `${PREFIX}/`,
    // Vite names assets by content hash: cache those for long; index.html must always be fresh.
    setHeaders: (res, path) => {
      res.header('content-security-policy', CSP);
      res.header('x-content-type-options', 'nosniff');
      res.header('referrer-policy', 'no-referrer');
      res.header('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}
