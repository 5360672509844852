import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is a Vite SPA rooted in `web/` and built to `web/dist`, which the Fastify server
 * serves in production. In development `/api` is proxied to the server on port 3000.
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
    // The app imports the pure catalogue vocabulary from `src/domain/` outside `web/`.
    fs: { allow: [repoRoot] },
  },
  preview: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
