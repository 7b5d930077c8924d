import { defineConfig } from 'vite';

/** The portal is served by Convene's own server under /tab (see src/server/routes/tab.routes.ts). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // A figure of its own (first-load JavaScript, gzip) is reported by the bench; keep warnings quiet here.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    rolldownOptions: {
      // Fluent UI marks its modules 'use client' for React Server Components; meaningless in a static bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
