#!/usr/bin/env node
// Builds every app and lib into dist/ with one tsc pass, then rewrites the @listinglens/* path aliases
// to relative paths (tsc-alias) so `node dist/apps/<app>/main.js` runs without a loader.
// Then the review console (apps/console): TypeScript types generated from the committed openapi.json
// (openapi-typescript), a type check with its own tsconfig (DOM, JSX), and a vite bundle in dist/console
// that the api serves at /console/.
// --if-stale: do nothing when dist is newer than every source file (lets `npm run scan` build on demand).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const stamp = join(root, 'dist/.build-stamp');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'generated') continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (args.has('--if-stale') && existsSync(stamp)) {
  const sources = Math.max(...['apps', 'libs', 'bench', 'prisma'].map((d) => newestMtime(join(root, d))), statSync(join(root, 'openapi.json')).mtimeMs);
  if (statSync(stamp).mtimeMs >= sources && existsSync(join(root, 'dist/console/index.html'))) process.exit(0);
}

const run = (cmd, cmdArgs, env = process.env) => {
  if (!quiet) console.error(`$ ${cmd} ${cmdArgs.join(' ')}`);
  execFileSync(cmd, cmdArgs, { cwd: root, env, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
};
if (!quiet) console.error('building ListingLens (first run takes ~30 s)…');
else process.stderr.write('building ListingLens (first run only)…\n');
run(process.execPath, [join(root, 'tools/prisma.mjs'), 'generate']);
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
run(process.execPath, [join(root, 'node_modules/tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json']);
const consoleDir = join(root, 'apps/console');
try {
  run(process.execPath, [join(root, 'node_modules/openapi-typescript/bin/cli.js'), 'openapi.json', '-o', join(consoleDir, 'src/generated/openapi.d.ts')]);
  // Type errors go to stdout: shown even with --quiet.
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(consoleDir, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  // vite keeps a NODE_ENV it inherits: built from the tests' setup (NODE_ENV=test) it would bundle React's
  // development build (StrictMode runs every effect twice), not what the api serves in production.
  run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(consoleDir, 'vite.config.mts')], { ...process.env, NODE_ENV: 'production' });
} catch (err) {
  // The on-demand builds (scan, bench, openapi) need only the server. `npm run openapi` must still run
  // when an api change has made the committed openapi.json (and so the console's types) stale.
  if (!args.has('--if-stale')) throw err;
  process.stderr.write('the review console was not built (above); the api serves a page saying so at /console\n');
}
writeFileSync(stamp, new Date().toISOString());
