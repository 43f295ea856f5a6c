/** Dates and months as the UI writes them ("5.12.2026", "1/2026") and back to ISO. */
const pad = (n: number | string) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' → "5.12.2026". */
export function dateToText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : iso;
}

/** "5.12.2026", "05.12.2026", "5/12/2026" or "2026-12-05" → 'YYYY-MM-DD'; undefined if not a real date. */
export function textToDate(text: string): string | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!y || !mo || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** 'YYYY-MM' → "1/2026". */
export function monthToText(iso: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[2])}/${m[1]}` : iso;
}

/** "1/2026", "01/2026", "1.2026" or "2026-01" → 'YYYY-MM'; undefined otherwise. */
export function textToMonth(text: string): string | undefined {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[./](\d{4})$/.exec(s);
  const [y, mo] = iso ? [iso[1], iso[2]] : local ? [local[2], local[1]] : [];
  if (!y || !mo || Number(mo) < 1 || Number(mo) > 12) return undefined;
  return `${y}-${pad(mo)}`;
}
