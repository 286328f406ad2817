import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorCode, type ErrorBody } from '@listinglens/contracts';

/**
 * Errors Fastify and Node answer before any route or Nest filter runs, in the api's own error shape
 * (`{error: {code, message}, requestId}`) instead of Fastify's raw `{statusCode, error, message}`.
 */

/** Fastify's `frameworkErrors`: a path parameter over maxParamLength (414) or an undecodable URL (400). */
export function frameworkErrors(err: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode === 414 ? 414 : 400;
  const error =
    status === 414
      ? { code: ApiErrorCode.UriTooLong, message: 'a path segment of the URL is too long' }
      : { code: ApiErrorCode.BadUrl, message: 'the URL is not valid (bad percent-encoding?)' };
  const body: ErrorBody = { error, requestId: String(request.id) };
  void reply.status(status).header('x-request-id', String(request.id)).send(body);
}

/**
 * Node's `clientError`: the request never became a request (headers over the limit: 431; a URL longer
 * than the header limit also lands here). Written to the socket directly, as Fastify's default does.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, error] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', { code: ApiErrorCode.HeadersTooLarge, message: 'the request line and headers are over the size limit (16 KiB); a very long URL counts too' }]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', { code: ApiErrorCode.RequestTimeout, message: 'the request was not received in time' }]
        : [400, 'Bad Request', { code: ApiErrorCode.BadRequest, message: 'the request could not be parsed as HTTP' }];
  const requestId = randomUUID();
  const body = JSON.stringify({ error, requestId } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods a path that matched no route does answer: non-empty means 405, not 404. */
export function allowedMethods(request: FastifyRequest): string[] {
  if (request.routeOptions.url) return []; // a matched route's own 404 (an id that does not exist)
  const path = request.url.split('?')[0];
  const allowed = METHODS.filter((method) => method !== request.method && request.server.findRoute({ method, url: path }) !== null);
  return allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
}
