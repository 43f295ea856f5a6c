import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './vite/bundle-budget.ts';
import { preloadFirstView } from './vite/preload-first-view.ts';

/**
 * The lazy chunks the first view needs besides the small entry (main.tsx): the app itself, My
 * work and the default language (always loaded: the fallback of the others).
 */
const FIRST_VIEW = ['src/app.tsx', 'src/features/my-work/MyWorkPage.tsx', 'src/i18n/fi.json'];

const BOT_PORT = process.env.BOT_PORT ?? '3978';

export default defineConfig({
  plugins: [
    react(),
    bundleBudget({ firstViewModules: FIRST_VIEW, maxGzipKb: 250 }),
    preloadFirstView({ firstViewModules: FIRST_VIEW }),
  ],
  resolve: {
    alias: {
      // The one contract shared with the server (zod schemas and domain constants only).
      '@contract': fileURLToPath(new URL('../bot/src/contract', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': `http://localhost:${BOT_PORT}` },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 900,
  },
});
