import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Served by the api under /console/ (apps/api/src/console/console-ui.ts reads dist/console).
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  // The one dependency-free contracts module the bundle shares with the api (finding codes, severities).
  resolve: { alias: { '@listinglens/contracts/finding-codes': fileURLToPath(new URL('../../libs/contracts/src/finding-codes.ts', import.meta.url)) } },
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)), emptyOutDir: true, sourcemap: false },
});
