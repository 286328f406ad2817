import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OpenApiDocument } from './openapi-document';

/** Swagger UI at /docs and the document at /docs-json. @nestjs/swagger only serves the UI here (its assets); the document is ours. */
export function mountDocs(app: NestFastifyApplication, document: OpenApiDocument): void {
  // Same JSON, a different TypeScript model of it (openapi3-ts vs @nestjs/swagger's own).
  SwaggerModule.setup('docs', app, document as unknown as OpenAPIObject, { customSiteTitle: 'ListingLens API' });
}
