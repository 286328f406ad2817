import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { loadApiConfig } from './config';
import { buildOpenApiDocument } from './openapi';

/**
 * `node dist/apps/api/src/openapi-cli.js [--check]`: writes openapi.json from the decorators, or with
 * --check fails when the committed file has drifted from the code. Preview mode instantiates no
 * provider, so no database or Redis is needed.
 */
async function main(): Promise<number> {
  const config = loadApiConfig({ ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://unused@127.0.0.1:5432/unused' });
  const app = await NestFactory.create(AppModule.forConfig(config), new FastifyAdapter(), { preview: true, logger: false });
  const spec = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  const file = 'openapi.json';
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== spec) {
      console.error(`${file} is out of date with the controllers: run npm run openapi`);
      return 1;
    }
    console.log(`${file} matches the code`);
    return 0;
  }
  writeFileSync(file, spec);
  console.log(`wrote ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
