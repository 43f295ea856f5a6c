/**
 * Puts the first view's lazy chunks (My work and the default language, with their imports) into
 * index.html as <link rel="modulepreload">, next to the ones Vite adds for the entry. The browser
 * then downloads and compiles them while the entry loads, instead of only after the shell has
 * rendered and the route asked for them. They are still separate chunks (code-split per view):
 * preloading does not execute them, and another landing view simply leaves them unused.
 */
import type { Plugin } from 'vite';
import { firstViewFiles } from './bundle-budget.js';

type Chunks = Parameters<typeof firstViewFiles>[0];

export function preloadFirstView(opts: { firstViewModules: string[] }): Plugin {
  let base = '/';
  return {
    name: 'polku-preload-first-view',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return;
        const chunks = Object.values(ctx.bundle).filter((o) => o.type === 'chunk') as unknown as Chunks;
        const files = firstViewFiles(chunks, opts.firstViewModules).filter((f: string) => !html.includes(`${base}${f}"`));
        return files.map((f) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
