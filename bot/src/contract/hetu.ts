/**
 * The henkilötunnus check, shared with the tab so the form checks live with exactly the rules
 * the server applies (pure: no I/O).
 */
export { validateHetu, HETU_CENTURY_SIGNS, type HetuErrorCode, type HetuResult } from '../domain/hetu/index.js';
