import { OpenApiGeneratorV31, OpenAPIRegistry, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { type DynamicModule, RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { z } from 'zod';
import { ApiErrorCode, errorBodySchema } from '@listinglens/contracts';
import { PUBLIC_ROUTE, REQUIRED_SCOPES } from '../auth/scopes.decorator';
import { API_ROUTE, API_TAG, type ApiRouteSpec } from './api-route.decorator';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const SECURITY_SCHEME = 'apiKey';
const METHODS: Partial<Record<RequestMethod, RouteConfig['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** Every controller of a module tree, in import order (the same tree Nest routes from). */
export function controllersOf(root: Type | DynamicModule): Type[] {
  const seen = new Set<unknown>();
  const found: Type[] = [];
  const visit = (entry: unknown): void => {
    if (!entry || seen.has(entry) || (typeof entry !== 'function' && typeof entry !== 'object')) return;
    seen.add(entry);
    const dynamic = typeof entry === 'object' ? (entry as DynamicModule) : undefined;
    const moduleClass = dynamic ? dynamic.module : (entry as Type);
    const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) as unknown[]) ?? []), ...(dynamic?.imports ?? [])];
    imports.forEach(visit);
    const controllers = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) as Type[]) ?? []), ...(dynamic?.controllers ?? [])];
    for (const c of controllers) if (!found.includes(c)) found.push(c);
  };
  visit(root);
  return found;
}

/**
 * The OpenAPI document, from each handler's @ApiRoute (its zod schemas) and Nest's routing metadata.
 * A route without @ApiRoute is an error: an undocumented route would fail the drift check, not ship.
 */
export function buildOpenApiDocument(controllers: Type[]): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', SECURITY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    // Keys are opaque random strings (stored as sha256), not JWTs: no bearerFormat to mislead a client.
    description: 'An API key: `Authorization: Bearer <key>`. Made with POST /v1/api-keys (or BOOTSTRAP_ADMIN_KEY); opaque, not a JWT.',
  });
  for (const controller of controllers) {
    for (const route of routesOf(controller)) registry.registerPath(route);
  }
  return new OpenApiGeneratorV31(registry.definitions, { sortComponents: 'alphabetically' }).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'ListingLens API',
      version: '0.1.0',
      description:
        'Ingest marketplace listings; read scans and findings; review, notices, audit, policies, API keys, webhooks. ' +
        'Errors are `{"error": {"code", "message", "fields"?: [{field, message}]}, "requestId"}` (schema `Error`).',
    },
    security: [{ [SECURITY_SCHEME]: [] }],
  });
}

function routesOf(controller: Type): RouteConfig[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const tag = Reflect.getMetadata(API_TAG, controller) as string | undefined;
  const prototype = controller.prototype as Record<string, unknown>;
  const routes: RouteConfig[] = [];
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const handler = prototype[name];
    if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
    const spec = Reflect.getMetadata(API_ROUTE, handler) as ApiRouteSpec | undefined;
    const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
    const nestPath = joinPath(base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''));
    if (!spec) throw new Error(`${controller.name}.${name} (${nestPath}) has no @ApiRoute: document it`);
    if (!method) throw new Error(`${controller.name}.${name}: method not supported by the document builder`);
    const isPublic = Boolean(Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller));
    const scopes = (Reflect.getMetadata(REQUIRED_SCOPES, handler) ?? Reflect.getMetadata(REQUIRED_SCOPES, controller) ?? []) as string[];
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === 'post' ? 201 : 200);
    const pathParams = [...nestPath.matchAll(/:(\w+)/g)].map((m) => m[1]);
    routes.push({
      method,
      path: nestPath.replace(/:(\w+)/g, '{$1}'),
      operationId: `${lowerFirst(controller.name.replace(/Controller$/, ''))}${upperFirst(name)}`,
      tags: tag ? [tag] : undefined,
      summary: spec.summary,
      description: [spec.description, isPublic ? undefined : `Scopes: ${[...new Set([...scopes, 'admin'])].join(', ')} (any one).`].filter(Boolean).join('\n\n') || undefined,
      security: isPublic ? [] : undefined,
      request: {
        params: pathParamsSchema(`${controller.name}.${name}`, pathParams, spec.params),
        query: spec.query,
        body: spec.bodyContent
          ? { required: true, content: Object.fromEntries(Object.entries(spec.bodyContent).map(([type, c]) => [type, { schema: c.schema.meta({ description: c.description }) }])) }
          : spec.body && { required: !spec.bodyOptional, content: { 'application/json': { schema: spec.body } } },
      },
      responses: responsesOf(spec, status, { isPublic, hasPathParams: pathParams.length > 0 }),
    });
  }
  return routes;
}

/** Every path parameter is documented: those the spec names with their schema, the rest as strings. */
function pathParamsSchema(where: string, names: string[], given: z.ZodObject | undefined): z.ZodObject | undefined {
  const shape = given?.shape ?? {};
  const unknown = Object.keys(shape).filter((k) => !names.includes(k));
  if (unknown.length > 0) throw new Error(`${where}: @ApiRoute params ${unknown.join(', ')} are not in the path`);
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((n) => [n, shape[n] ?? z.string()])));
}

function responsesOf(spec: ApiRouteSpec, status: number, route: { isPublic: boolean; hasPathParams: boolean }): RouteConfig['responses'] {
  const content = {
    ...(spec.response ? { 'application/json': { schema: spec.response } } : {}),
    ...Object.fromEntries(Object.entries(spec.otherContent ?? {}).map(([type, c]) => [type, { schema: c.schema.meta({ description: c.description }) }])),
  };
  const success: ResponseConfig = { description: status === 204 ? 'Done; no body' : 'Success', ...(Object.keys(content).length ? { content } : {}) };
  const responses: RouteConfig['responses'] = { [status]: success };
  for (const [code, description] of Object.entries(spec.alsoAnswers ?? {})) responses[code] = { ...success, description };
  const errors: Record<string, string> = {};
  if (spec.body || spec.query || route.hasPathParams) errors[400] = `${ApiErrorCode.ValidationFailed} (every offending field in \`fields\`), or ${ApiErrorCode.MalformedJson}`;
  if (!route.isPublic) {
    errors[401] = `${ApiErrorCode.Unauthorized}: no key, or an unknown or revoked one`;
    errors[403] = `${ApiErrorCode.Forbidden}: the key lacks a scope this route needs`;
  }
  if (route.hasPathParams) errors[404] = `${ApiErrorCode.NotFound} (also what a seller key gets for another seller's ids)`;
  for (const [status, { code, when }] of Object.entries(spec.errors ?? {})) errors[status] = `${code}: ${when}`;
  for (const [code, description] of Object.entries(errors)) responses[code] = errorResponse(description);
  responses.default = errorResponse(
    `Any other error: ${ApiErrorCode.BodyTooLarge} (413), ${ApiErrorCode.UnsupportedMediaType} (415), ${ApiErrorCode.DependencyUnavailable} (503), ${ApiErrorCode.InternalError} (500)`,
  );
  return responses;
}

const errorResponse = (description: string): ResponseConfig => ({ description, content: { 'application/json': { schema: errorBodySchema } } });
const joinPath = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
