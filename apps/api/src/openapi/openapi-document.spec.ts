import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Controller, Get, Post } from '@nestjs/common';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config';
import { ApiRoute } from './api-route.decorator';
import { buildOpenApiDocument, controllersOf, type OpenApiDocument } from './openapi-document';

type Operation = { requestBody?: unknown; parameters?: Array<{ name: string; in: string }>; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

let doc: OpenApiDocument;
const operations = () =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
  );
const operation = (route: string) => {
  const found = operations().find((o) => o.route === route);
  if (!found) throw new Error(`${route} is not in the document`);
  return found.op;
};

beforeAll(() => {
  const config = loadApiConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgresql://unused@127.0.0.1:5432/unused' });
  doc = buildOpenApiDocument(controllersOf(AppModule.forConfig(config)));
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI (swagger-parser)', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('gives every request body its schema', () => {
    const withBody = operations().filter((o) => o.op.requestBody).map((o) => o.route);
    expect(withBody.sort()).toEqual(
      [
        'POST /v1/listings',
        'POST /v1/listings/batch',
        'POST /v1/review/items/{id}/claim',
        'POST /v1/review/items/{id}/decision',
        'POST /v1/review/items/{id}/decision-preview',
        'POST /v1/review/decisions/bulk',
        'POST /v1/transparency-db/requeue',
        'POST /v1/notices/{id}/appeal',
        'POST /v1/policies',
        'POST /v1/api-keys',
        'POST /v1/webhook-endpoints',
        'POST /v1/hash-lists',
        'PATCH /v1/hash-lists/{id}',
        'POST /v1/hash-lists/{id}/hashes',
        'POST /v1/hash-lists/{id}/hashes/remove',
      ].sort(),
    );
  });

  it('gives every success response a schema (204 aside) and every error the error shape', () => {
    for (const { route, op } of operations()) {
      const [success, ...more] = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect(more, route).toEqual([]);
      // The evidence route answers the image itself (a schema per image type), hash-list exports text,
      // every other route JSON.
      const content = op.responses[success].content;
      const other = route.endsWith('/evidence') ? content?.['image/png']?.schema : route.endsWith('/hashes') ? content?.['text/plain']?.schema : undefined;
      if (success !== '204') expect(content?.['application/json']?.schema ?? other, route).toBeDefined();
      const errors = Object.keys(op.responses).filter((s) => s === 'default' || /^[45]/.test(s));
      expect(errors, route).toContain('default');
      const readiness = route === 'GET /readyz';
      for (const status of errors) {
        if (readiness && status === '503') continue; // not ready answers with the readiness body
        expect(op.responses[status].content?.['application/json']?.schema, `${route} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(doc.components?.schemas?.Error).toMatchObject({ required: ['error', 'requestId'] });
    // A nullable use of a named schema must not make the component itself nullable (Scan once was).
    const nullable = Object.entries(doc.components?.schemas ?? {}).filter(([, s]) => JSON.stringify((s as { type?: unknown }).type ?? '').includes('null'));
    expect(nullable.map(([name]) => name)).toEqual([]);
  });

  it('documents the query parameters of review, audit, policies and notices', () => {
    const query = (route: string) => (operation(route).parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query('GET /v1/review/items')).toEqual(['status', 'code', 'severity', 'marketplace', 'appeal', 'cursor', 'limit']);
    expect(query('GET /v1/audit')).toEqual(['after', 'limit', 'listingId', 'format']);
    expect(query('GET /v1/policies')).toEqual(['marketplace']);
    expect(query('GET /v1/sellers/{sellerId}/notices')).toEqual(['cursor', 'limit']);
    expect(query('GET /v1/notices/{id}')).toEqual(['lang']);
  });

  it('describes API keys as opaque bearer tokens, not JWTs, and health checks as public', () => {
    expect(doc.components?.securitySchemes).toEqual({ apiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
    expect(JSON.stringify(doc.components?.securitySchemes)).not.toMatch(/bearerFormat/);
    expect(doc.security).toEqual([{ apiKey: [] }]);
    expect((operation('GET /healthz') as { security?: unknown }).security).toEqual([]);
  });

  it('refuses a route that has no @ApiRoute, and a documented parameter the path does not have', () => {
    @Controller('v1/things')
    class UndocumentedController {
      @Get(':id')
      get() {
        return 'thing';
      }
    }
    expect(() => buildOpenApiDocument([UndocumentedController])).toThrow(/UndocumentedController\.get \(\/v1\/things\/:id\) has no @ApiRoute/);
    @Controller('v1/things')
    class WrongParamController {
      @Post()
      @ApiRoute({ summary: 'make a thing', params: z.object({ id: z.string() }) })
      make() {
        return 'made';
      }
    }
    expect(() => buildOpenApiDocument([WrongParamController])).toThrow(/params id are not in the path/);
  });

  it('generates a TypeScript client (openapi-typescript) that compiles against a usage file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-openapi-client-'));
    try {
      await writeFile(join(dir, 'api.d.ts'), astToString(await openapiTS(structuredClone(doc) as never)));
      await writeFile(join(dir, 'usage.ts'), USAGE);
      const tsc = join(process.cwd(), 'node_modules/typescript/bin/tsc');
      const args = ['--strict', '--noEmit', '--skipLibCheck', 'false', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'usage.ts', 'api.d.ts'];
      const result = await promisify(execFile)(process.execPath, [tsc, ...args], { cwd: dir }).catch((err: { stdout: string }) => err);
      expect(result.stdout).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** What an integrator writes against the generated types; @ts-expect-error lines prove the types bite. */
const USAGE = `
import type { components, paths } from './api.js';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Scan = Json<paths['/v1/scans/{scanId}']['get']['responses'][200]>;
type ListingInput = components['schemas']['ListingInput'];
type ReviewQuery = NonNullable<paths['/v1/review/items']['get']['parameters']['query']>;
type ApiError = Json<paths['/v1/listings']['post']['responses'][400]>;

export const listing: ListingInput = {
  marketplace: 'demo', externalId: 'sku-1', sellerId: 's1', title: 'Bowl',
  price: { amount: '24.00', currency: 'USD' }, images: [{ url: 'https://example.com/bowl.jpg' }],
};
export const query: ReviewQuery = { severity: 'high', appeal: 'true', limit: 20 };
export function firstFinding(scan: Scan): string | undefined {
  return scan.findings[0]?.code;
}
export function fieldsOf(body: ApiError): string[] {
  return (body.error.fields ?? []).map((f) => f.field + ': ' + f.message) .concat(body.requestId);
}
export const accepted: Json<paths['/v1/listings']['post']['responses'][202]>['status'] = 'queued';
// @ts-expect-error not a scan status
export const wrongStatus: Scan['status'] = 'done';
// @ts-expect-error price is required
export const noPrice: ListingInput = { marketplace: 'm', externalId: 'e', sellerId: 's', title: 't', images: [] };
// @ts-expect-error not a severity
export const wrongSeverity: ReviewQuery = { severity: 'urgent' };
`;
