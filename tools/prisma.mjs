#!/usr/bin/env node
// Runs the Prisma CLI with the offline workarounds (see prisma.config.ts and README "Development").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const preload = fileURLToPath(new URL('./prisma-unref-timers.cjs', import.meta.url));
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
};
// `generate` does not touch the database, but prisma.config.ts is evaluated: give it a placeholder.
if (process.argv[2] === 'generate') env.DATABASE_URL ??= 'postgresql://unused@127.0.0.1:5432/unused';
const result = spawnSync(process.execPath, [`${root}/node_modules/prisma/build/index.js`, ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
