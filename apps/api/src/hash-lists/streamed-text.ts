import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** The media types hash lists are imported in. */
export const HASH_LIST_MEDIA_TYPES = ['text/plain', 'text/csv'];

/**
 * Hands text/plain and text/csv bodies to the handler as the request stream, unread: a list of
 * 1,000,000 hashes (~65 MB) is parsed line by line as it arrives and never held whole, and bodyLimit
 * (which Fastify enforces only when it reads a body itself) does not cap it. No other route takes text.
 */
export function streamTextBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser(HASH_LIST_MEDIA_TYPES, (_request, payload, done) => done(null, payload));
}
