/** The api starts without a console bundle and says, at /console, how to get one. */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mountConsole } from '../../apps/api/src/console/console-ui';

@Module({})
class EmptyModule {}

let app: NestFastifyApplication;

beforeAll(async () => {
  app = await NestFactory.create<NestFastifyApplication>(EmptyModule, new FastifyAdapter(), { logger: false });
  await mountConsole(app, '/nonexistent/console-bundle');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await app?.close();
});

it('answers /console and its pages with a page saying to run npm run build', async () => {
  for (const url of ['/console', '/console/', '/console/assets/x.js']) {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
  }
});
