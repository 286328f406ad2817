// Prisma 6.19 run fully offline with its JS/wasm engines: Prisma 7's CLI needs a native schema-engine
// binary no npm package ships, and the classic engines download binaries. Remove this file's adapter
// wiring once Prisma 7 `migrate` works from npm alone.
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
import { Client } from 'pg';

const databaseUrl = () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (e.g. postgresql://listinglens:listinglens@127.0.0.1:5432/listinglens)');
  return url;
};

/** `migrate dev` needs a shadow database. The adapter's own shadow handling drops the database it is
 * connected to, so we use a pre-created one (`<db>_shadow`, created here if missing) and reset it. */
async function connectToShadowDb() {
  const main = new URL(databaseUrl());
  const shadow = new URL(process.env.SHADOW_DATABASE_URL ?? main.toString());
  if (!process.env.SHADOW_DATABASE_URL) shadow.pathname = `${main.pathname}_shadow`;
  const admin = new Client({ connectionString: main.toString() });
  await admin.connect();
  const name = shadow.pathname.slice(1);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await admin.end();
  const reset = new Client({ connectionString: shadow.toString() });
  await reset.connect();
  await reset.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  await reset.end();
  return new PrismaPg({ connectionString: shadow.toString() }).connect();
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const factory = new PrismaPg({ connectionString: databaseUrl() });
    return Object.assign(factory, { connectToShadowDb });
  },
});
