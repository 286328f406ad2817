import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OpenApiDocument } from './openapi-document';

const DOCS = '/docs';

/**
 * Swagger UI at /docs/ and the document at /docs-json. @nestjs/swagger only serves the UI here (its
 * assets); the document is ours. Its page picks the asset base by `url.endsWith('/')` on the raw URL,
 * query string included (swagger-module.js serveSwaggerHtml, 11.4), so `/docs/?x` and
 * `/docs/index.html` got a page whose relative assets point at /docs/docs/… (404). Every entry is
 * therefore redirected to the one URL whose page works: `/docs/`.
 */
export function mountDocs(app: NestFastifyApplication, document: OpenApiDocument): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const [path, query] = splitUrl(request.url);
      if (request.method === 'GET' && (path === DOCS || path === `${DOCS}/index.html` || (path === `${DOCS}/` && query !== undefined))) {
        void reply.redirect(`${DOCS}/`, 301);
        return;
      }
      done();
    });
  // Same JSON, a different TypeScript model of it (openapi3-ts vs @nestjs/swagger's own).
  SwaggerModule.setup(DOCS.slice(1), app, document as unknown as OpenAPIObject, { customSiteTitle: 'ListingLens API' });
}

function splitUrl(url: string): [string, string | undefined] {
  const at = url.indexOf('?');
  return at < 0 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}
