/** Small helpers for the benchmark: timing, medians, a concurrency pool. */
export async function pool<T>(items: readonly T[], parallel: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const p90 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.9 * s.length) - 1)] ?? NaN;
};

/** Median of `runs` timings of fn (after `warmup` untimed calls). */
export async function medianMs(fn: () => Promise<unknown>, runs = 10, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(fn)).ms);
  return median(out);
}

/**
 * Medians of `runs` timings of a and b taken in turn (a, b, a, b…), after one untimed call of
 * each: on a shared machine whose load comes and goes, both see the same moments, so their
 * ratio means something even when the absolute times do not.
 */
export async function interleavedMs(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = 15): Promise<{ a: number; b: number }> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push((await timed(a)).ms);
    tb.push((await timed(b)).ms);
  }
  return { a: median(ta), b: median(tb) };
}
