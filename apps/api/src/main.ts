import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadApiConfig } from './config';
import { mountConsole } from './console/console-ui';
import { mountDocs } from './openapi/docs-ui';
import { buildOpenApiDocument, controllersOf } from './openapi/openapi-document';
import { ApiLogController, createApiLogger } from './common/request-logging';
import { clientErrorHandler, frameworkErrors } from './common/framework-errors';
import { mountOpsRoutes } from './ops/ops-routes';
import { streamTextBodies } from './hash-lists/streamed-text';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

async function bootstrap(): Promise<void> {
  const config = loadApiConfig();
  const logger = createApiLogger(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new ApiLogController(),
    bodyLimit: Math.round(config.BODY_LIMIT_MB * 1024 * 1024),
    // 414, 431 and bad URLs in the api's error shape (Fastify answers those before any filter).
    frameworkErrors,
    clientErrorHandler,
    // A caller's x-request-id is kept (so one id follows a listing through logs and jobs), else a new one.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      (req as { requestId?: string }).requestId = id;
      return id;
    },
  });
  const appModule = AppModule.forConfig(config, logger);
  const app = await NestFactory.create<NestFastifyApplication>(appModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  streamTextBodies(app);
  mountDocs(app, buildOpenApiDocument(controllersOf(appModule)));
  await mountConsole(app);
  await mountOpsRoutes(app);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`api listening on ${config.HOST}:${config.PORT}`);
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
