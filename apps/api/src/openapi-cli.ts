import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppModule } from './app.module';
import { loadApiConfig } from './config';
import { buildOpenApiDocument, controllersOf } from './openapi/openapi-document';

/**
 * `node dist/apps/api/src/openapi-cli.js [--check]`: writes openapi.json from the routes' zod schemas,
 * or with --check fails when the committed file has drifted from the code. Only the module tree is
 * read (no Nest app, no database, no Redis).
 */
function main(): number {
  // Development settings: only the module tree is read, nothing is sealed or served.
  const config = loadApiConfig({ ...process.env, NODE_ENV: 'development', DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://unused@127.0.0.1:5432/unused' });
  const spec = `${JSON.stringify(buildOpenApiDocument(controllersOf(AppModule.forConfig(config))), null, 2)}\n`;
  const file = 'openapi.json';
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== spec) {
      console.error(`${file} is out of date with the routes: run npm run openapi`);
      return 1;
    }
    console.log(`${file} matches the code`);
    return 0;
  }
  writeFileSync(file, spec);
  console.log(`wrote ${file}`);
  return 0;
}

try {
  process.exit(main());
} catch (err: unknown) {
  console.error(err);
  process.exit(1);
}
