/**
 * What a notice's text may not hold (issue 11). A notice goes to the team channel and to
 * everyone in its audience, so:
 *  - nothing that looks like a client's henkilötunnus or case reference, however it is written:
 *    the text is normalised first (NFKC: full-width digits and letters to plain ones; invisible
 *    format characters — zero-width spaces and joiners, soft hyphens, bidi controls — removed;
 *    every dash to "-"), and a second pass reads it with spaces, dashes and dots between
 *    characters removed ("010190 - 900A", "0 1 0 1 9 0-9 0 0 A"), where a candidate counts if
 *    its date and check character are valid (a phone number is not refused by chance);
 *  - no links: the link to the material comes only from the notice's link field. Markdown links
 *    (`[text](url)`, `[text][ref]` definitions), autolinks (`<https://…>`), HTML anchors and bare
 *    URLs (`scheme://…`, `www.…`) in the title or summary are refused, because Teams turns each
 *    of them into a link nobody reviewed. E-mail addresses are allowed (a contact person).
 * Pure.
 */
import { HETU_CHECK_CHARS, hetuCheckChar } from '../hetu/index.js';

/** Looks like a henkilötunnus (any century sign, also the 2023 ones). */
const HETU_LIKE = /(^|[^0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]($|[^0-9A-Za-z])/i;
/** A case reference (P-2026-ABC234): points at one client, so it stays out of channel posts. */
const CASE_REF_LIKE = /(^|[^0-9A-Za-z])P-\d{4}-[2-9A-Z]{6}($|[^0-9A-Za-z])/;
/** The same with the separators squeezed out. */
const CASE_REF_COMPACT = /P-?\d{4}-?[2-9A-Z]{6}/;

/** Invisible format characters (Unicode Cf: zero-width, soft hyphen, bidi controls, BOM…). */
const FORMAT_CHARS = /\p{Cf}/gu;
/** Every dash and the minus sign. */
const DASHES = /[\p{Pd}\u2212]/gu;
/** Spaces, dashes and dots between two letters or digits. */
const SEPARATORS_INSIDE = /(?<=[0-9A-Za-z+])[\s\-.]+(?=[0-9A-Za-z+])/g;

/** The text as the checks read it. */
export function normaliseForCheck(s: string): string {
  return s.normalize('NFKC').replace(FORMAT_CHARS, '').replace(DASHES, '-').replace(/\s/g, ' ');
}

const validDate = (ddmmyy: string): boolean => {
  const dd = Number(ddmmyy.slice(0, 2));
  const mm = Number(ddmmyy.slice(2, 4));
  return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
};

/** A valid-looking henkilötunnus anywhere in `compact` (separators removed), by date and check character. */
function hidesHetu(compact: string): boolean {
  const re = /(?=(\d{6})[-+A-FU-Y]?(\d{3})([0-9A-Y]))/gi;
  for (const m of compact.matchAll(re)) {
    const [, date, individual, check] = m as unknown as [string, string, string, string];
    if (validDate(date) && HETU_CHECK_CHARS.includes(check.toUpperCase()) && hetuCheckChar(date + individual) === check.toUpperCase()) return true;
  }
  return false;
}

/** True when the text names a client (henkilötunnus or case reference), however it is written. */
export function looksLikeClientData(text: string): boolean {
  const t = normaliseForCheck(text);
  if (HETU_LIKE.test(t) || CASE_REF_LIKE.test(t)) return true;
  const compact = t.replace(SEPARATORS_INSIDE, '');
  return hidesHetu(compact) || CASE_REF_COMPACT.test(compact);
}

const LINKS = [
  /\[[^\]]*\]\s*\([^)]*\)/, // [text](url)
  /^\s*\[[^\]]+\]:\s*\S+/m, // [ref]: url
  /<\s*[a-z][a-z0-9+.-]*:[^>]*>/i, // <https://…>, <mailto:…>
  /<\s*a[\s>]/i, // <a href=…>
  /\b[a-z][a-z0-9+.-]*:\/\/\S/i, // https://… and any scheme://
  /\bwww\.[^\s.]+\.\S/i, // www.example.fi
  /\b(javascript|data|vbscript):/i,
];

/** True when the text carries a link of its own (markdown, autolink, HTML or a bare URL). */
export function containsLink(text: string): boolean {
  const t = normaliseForCheck(text);
  return LINKS.some((re) => re.test(t));
}
