import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorCode, type ErrorBody } from '@listinglens/contracts';
import { ApiError } from './api-error';
import { allowedMethods } from './framework-errors';

/**
 * The one place errors become HTTP. Every response carries the request id. Fastify's own errors
 * (malformed JSON, body too large, wrong content type) keep their 4xx status; anything unknown is a
 * 500 with no internals leaked.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    let [status, error] = this.describe(exception);
    // No route for this method, but the path exists with others: 405 with Allow (RFC 9110), not 404.
    const allow = status === 404 && !(exception instanceof ApiError) ? allowedMethods(request) : [];
    if (allow.length > 0) {
      [status, error] = [405, { code: ApiErrorCode.MethodNotAllowed, message: `${request.method} is not allowed here; use ${allow.join(', ')}` }];
      void reply.header('allow', allow.join(', '));
    }
    if (status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    const body: ErrorBody = { error, requestId: String(request.id) };
    void reply.status(status).header('x-request-id', String(request.id)).send(body);
  }

  private describe(exception: unknown): [number, ErrorBody['error']] {
    if (exception instanceof ApiError) {
      return [exception.status, { code: exception.code, message: exception.message, fields: exception.fields }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return [status, { code: httpCode(status, exception.message), message: exception.message }];
    }
    const fastify = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      const message = fastify.message ?? 'bad request';
      return [fastify.statusCode, { code: httpCode(fastify.statusCode, message), message }];
    }
    if (isUnavailable(exception)) {
      return [503, { code: ApiErrorCode.DependencyUnavailable, message: 'a backing service (PostgreSQL or Redis) is unavailable; retry later' }];
    }
    return [500, { code: ApiErrorCode.InternalError, message: 'internal error; quote the request id when reporting it' }];
  }
}

/** Stable codes for errors raised by Nest/Fastify themselves (malformed JSON, body limits, routing). */
function httpCode(status: number, message: string): ApiErrorCode {
  if (status === 400 && /JSON/i.test(message)) return ApiErrorCode.MalformedJson;
  const known: Record<number, ApiErrorCode> = {
    400: ApiErrorCode.BadRequest,
    401: ApiErrorCode.Unauthorized,
    403: ApiErrorCode.Forbidden,
    404: ApiErrorCode.NotFound,
    405: ApiErrorCode.MethodNotAllowed,
    413: ApiErrorCode.BodyTooLarge,
    415: ApiErrorCode.UnsupportedMediaType,
  };
  return known[status] ?? ApiErrorCode.HttpError;
}

/** Connection failures to PostgreSQL or Redis: the request was fine, the service is not (yet). */
function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', 'P1001'].includes(code);
}
