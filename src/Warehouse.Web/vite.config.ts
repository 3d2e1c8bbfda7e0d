import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages, served by the API: ide.html at GET /graphql (HTML Accept) and admin.html at /admin.
// Assets are fingerprinted under /ui/assets/; the output folder is git-ignored and rebuilt by the API's build.
export default defineConfig({
  base: '/ui/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: resolve(__dirname, '../Warehouse.Api/wwwroot/ui'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
    rollupOptions: {
      // Radix UI (inside GraphiQL) marks its modules "use client"; that means nothing in a plain bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        ide: resolve(__dirname, 'ide.html'),
        admin: resolve(__dirname, 'admin.html'),
      },
    },
  },
});
