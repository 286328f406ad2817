/**
 * Every `error.code` the HTTP API answers with (`{"error": {"code", ...}, "requestId"}`; the `Error`
 * schema's enum). Clients branch on these: add, never rename.
 */
export const ApiErrorCode = {
  ValidationFailed: 'validation_failed',
  MalformedJson: 'malformed_json',
  BadRequest: 'bad_request',
  BadUrl: 'bad_url',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  MethodNotAllowed: 'method_not_allowed',
  RequestTimeout: 'request_timeout',
  Conflict: 'conflict',
  EndpointDisabled: 'endpoint_disabled',
  BodyTooLarge: 'body_too_large',
  UriTooLong: 'uri_too_long',
  UnsupportedMediaType: 'unsupported_media_type',
  HeadersTooLarge: 'headers_too_large',
  HttpError: 'http_error',
  InternalError: 'internal_error',
  DependencyUnavailable: 'dependency_unavailable',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];
