import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { pino, type Logger } from 'pino';
import type { ApiConfig } from '../config';

const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/** The api's one pino logger: Fastify's per-request loggers and Nest's Logger (via nestjs-pino) share it. */
export function createApiLogger(config: Pick<ApiConfig, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

/**
 * Request lines come from Fastify's own logging, not pino-http as Nest middleware: the middleware path
 * (middie, pino-http's per-request loggers, an AsyncLocalStorage scope) cost the api 358 µs of CPU per
 * single POST against 302 µs without it, in alternating A/B runs of bench:ingest's load. Nothing inside
 * a request needs that scope: the places that log there pass the request id themselves.
 * One line per answered request (error level from 500 up), none for health probes.
 */
export class ApiLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: (request) => QUIET_PATHS.has(request.url) });
  }

  /** The completion line names the request too; a second line on arrival would double the volume. */
  override incomingRequest(): void {
    // nothing
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error || reply.statusCode >= 500) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
