import { SetMetadata } from '@nestjs/common';
import type { ZodObject, ZodType } from 'zod';
import type { ApiErrorCode } from '@listinglens/contracts';

export const API_ROUTE = 'listinglens:openapi:route';
export const API_TAG = 'listinglens:openapi:tag';

/**
 * What a route takes and answers, as the zod schemas its handler validates with (pass the same
 * constants to ZodPipe; ids use UuidParam, which accepts what `uuidParams` documents): the OpenAPI
 * document is generated from these, so the document and the validation cannot disagree. Method, path, status and auth come from Nest's own metadata.
 */
export interface ApiRouteSpec {
  summary: string;
  description?: string;
  /** Path parameters with the schemas that validate them; a parameter not named here is a plain string. */
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  /** A body in other media types than JSON, read by the handler as a stream (hash-list imports). */
  bodyContent?: Record<string, { schema: ZodType; description: string }>;
  /** The handler treats a missing body as `{}`. */
  bodyOptional?: boolean;
  /** The success body as JSON; leave out for 204. */
  response?: ZodType;
  /** More media types for the success status (the audit exports). */
  otherContent?: Record<string, { schema: ZodType; description: string }>;
  /** Error statuses beyond the common ones (400, 401, 403, 404): the code answered, and when, e.g. 409. */
  errors?: Record<number, { code: ApiErrorCode; when: string }>;
  /** Other statuses answered with the success body's shape (readiness: 503). */
  alsoAnswers?: Record<number, string>;
}

export const ApiRoute = (spec: ApiRouteSpec) => SetMetadata(API_ROUTE, spec);

/** Groups a controller's routes in the document. */
export const ApiTag = (tag: string) => SetMetadata(API_TAG, tag);
