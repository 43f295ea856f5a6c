/**
 * Rolling contributions up into cells, and cells into bigger cells. Pure.
 *
 * A cell keeps the sum of values, up to SUPPRESS_BELOW distinct client ids and a `many` flag, so
 * whether a union of cells describes fewer than five clients is decided exactly without keeping
 * every id; and for placements a histogram of waiting days, so medians and percentiles of any
 * union are exact too.
 */
import type { LocalDate } from '../types.js';
import { SUPPRESS_BELOW, type Cell, type Contribution, type MonthRollup } from './model.js';

/** Metrics kept per day (queue length over time). */
const DELTAS = new Set(['queueDelta']);
const STOCKS = new Set(['queueDelta', 'inServiceDelta']);

export const monthOf = (day: LocalDate): string => day.slice(0, 7);

export const cellKey = (c: Pick<Cell, 'metric' | 'municipality' | 'service' | 'dim' | 'day'>): string =>
  `${c.metric}|${c.municipality}|${c.service}|${c.dim}|${c.day ?? ''}`;

/** Adds a client id to a cell's bounded set. */
function addClient(cell: Cell, client: string): void {
  if (cell.many || cell.clients.includes(client)) return;
  if (cell.clients.length + 1 >= SUPPRESS_BELOW) {
    cell.many = true;
    cell.clients = [];
  } else cell.clients.push(client);
}

/** Merges `src` into `dst` (same key or not: the caller decides what a union means). */
export function mergeInto(dst: Cell, src: Cell): void {
  dst.n += src.n;
  if (src.many) {
    dst.many = true;
    dst.clients = [];
  } else for (const c of src.clients) addClient(dst, c);
  if (src.hist) {
    dst.hist ??= {};
    for (const [d, k] of Object.entries(src.hist)) dst.hist[d] = (dst.hist[d] ?? 0) + k;
  }
}

export const emptyCell = (proto: Pick<Cell, 'metric' | 'municipality' | 'service' | 'dim' | 'day'>): Cell => ({
  metric: proto.metric,
  municipality: proto.municipality,
  service: proto.service,
  dim: proto.dim,
  ...(proto.day ? { day: proto.day } : {}),
  n: 0,
  clients: [],
  many: false,
});

/** One month's rollup of its contributions. */
export function rollupMonth(month: string, contributions: Iterable<Contribution>): MonthRollup {
  const cells = new Map<string, Cell>();
  let count = 0;
  for (const c of contributions) {
    count++;
    const proto = {
      metric: c.metric,
      municipality: c.municipality,
      service: c.service,
      dim: c.dim,
      day: DELTAS.has(c.metric) ? c.day : undefined,
    };
    const k = cellKey(proto);
    let cell = cells.get(k);
    if (!cell) cells.set(k, (cell = emptyCell(proto)));
    cell.n += c.value;
    // Stocks (queue, in service) are suppressed by their value: no client ids needed, which
    // keeps the per-day queue cells small.
    if (!STOCKS.has(c.metric)) addClient(cell, c.client);
    if (c.days !== undefined) {
      cell.hist ??= {};
      cell.hist[String(c.days)] = (cell.hist[String(c.days)] ?? 0) + 1;
    }
  }
  const sorted = [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  return { month, cells: sorted, contributions: count };
}

/** Groups contributions by month. */
export function byMonth(contributions: Iterable<Contribution>): Map<string, Contribution[]> {
  const out = new Map<string, Contribution[]>();
  for (const c of contributions) {
    const m = monthOf(c.day);
    let list = out.get(m);
    if (!list) out.set(m, (list = []));
    list.push(c);
  }
  return out;
}

/** Number of distinct clients a cell describes, when fewer than SUPPRESS_BELOW; else SUPPRESS_BELOW. */
export const clientsOf = (c: Cell): number => (c.many ? SUPPRESS_BELOW : c.clients.length);
