import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// One source of truth for the @listinglens/* aliases: tsconfig.base.json.
const tsconfig = JSON.parse(readFileSync(resolve(import.meta.dirname, 'tsconfig.base.json'), 'utf8'));
const alias = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([name, [target]]) => [
    name,
    resolve(import.meta.dirname, target),
  ]),
);

export default defineConfig({
  // swc keeps decorator metadata, which Nest's dependency injection needs.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Unit specs sit beside their code and need no service (`npm test -- libs/pipeline` runs without
    // PostgreSQL or Redis); integration and end-to-end tests in test/ get the services and a database.
    projects: [
      { extends: true, test: { name: 'unit', include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts'], globalSetup: ['test/support/build-setup.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.ts'], globalSetup: ['test/support/build-setup.ts', 'test/support/global-setup.ts'] },
      },
    ],
  },
});
