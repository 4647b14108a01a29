import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The API reference the gateway serves at /api/docs: a page of its own (dist/api/docs.html)
// with its own small script and Scalar's standalone renderer from the pinned npm package,
// emitted as a hashed asset. Built after the console (`npm run build`) into the same dist/,
// as a separate build so the console's chunks and first screen stay exactly as they are.
export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: false,
    emptyOutDir: false,
    // The page has no dynamic import to preload.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { reference: fileURLToPath(new URL('api/docs.html', import.meta.url)) },
    },
  },
});
