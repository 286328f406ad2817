import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';

/** The OpenAPI document, from the controllers' decorators (served at /docs, committed as openapi.json). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ListingLens API')
      .setDescription('Ingest marketplace listings; read scans and findings; review, notices, audit, policies, API keys, webhooks.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}
