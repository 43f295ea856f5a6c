/**
 * Build-time budget for the first view: the JS the browser fetches to show the landing view
 * (the entry chunk and its static imports, the first view's lazy chunk and its static imports,
 * and the default locale's chunk), gzipped. Printed on every build; the build fails above the
 * budget, so a heavy dependency cannot slip into the first paint unnoticed.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  modules?: Record<string, { renderedLength: number }>;
}

export interface BudgetOptions {
  /** Module path fragments of the lazy chunks that belong to the first view. */
  firstViewModules: string[];
  maxGzipKb: number;
}

export function firstViewFiles(chunks: ChunkLike[], firstViewModules: string[]): string[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const c = byName.get(name);
    if (!c) return;
    seen.add(name);
    c.imports.forEach(visit);
  };
  chunks.filter((c) => c.isEntry).forEach((c) => visit(c.fileName));
  for (const frag of firstViewModules) {
    const lazy = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').includes(frag));
    if (!lazy) throw new Error(`bundle budget: no chunk for first-view module '${frag}'`);
    visit(lazy.fileName);
  }
  return [...seen];
}

export function bundleBudget(opts: BudgetOptions): Plugin {
  return {
    name: 'polku-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o): o is typeof o & ChunkLike => o.type === 'chunk') as unknown as ChunkLike[];
      const files = firstViewFiles(chunks, opts.firstViewModules);
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      let total = 0;
      const rows = files.map((f) => {
        const gz = gzipSync(byName.get(f)!.code, { level: 9 }).length;
        total += gz;
        return { f, gz };
      });
      const kb = (n: number) => (n / 1024).toFixed(1);
      const lines = rows.sort((a, b) => b.gz - a.gz).map((r) => `  ${kb(r.gz).padStart(7)} KB  ${r.f}`);
      const summary = `first view JS (gzip): ${kb(total)} KB of ${opts.maxGzipKb} KB budget`;
      this.info(`\n${summary}\n${lines.join('\n')}`);
      // Also on stdout, so it shows in every build log.
      console.log(`\n[polku] ${summary}`);
      if (process.env.BUDGET_DEBUG) {
        // Which packages fill the first view (rendered size before gzip), to find what to split off.
        const byPkg = new Map<string, number>();
        for (const f of files)
          for (const [id, m] of Object.entries(byName.get(f)!.modules ?? {})) {
            const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? 'app';
            byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + m.renderedLength);
          }
        for (const [pkg, n] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${kb(n).padStart(8)} KB raw  ${pkg}`);
      }
      if (total > opts.maxGzipKb * 1024) this.error(`${summary}: over budget`);
    },
  };
}
