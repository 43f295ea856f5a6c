/**
 * Offline validation of Adaptive Cards against schema 1.5 (what Teams renders), with the
 * official `adaptivecards` library's parser (its UMD build runs in Node without a DOM):
 * - the card declares version 1.5 or lower;
 * - the parser reports no errors or unknown element / action types, and property validation
 *   reports nothing;
 * - round trip: every property we wrote survives parse → toJSON, so no misspelt property, wrong
 *   enum value or element newer than 1.5 is silently dropped. (Teams-only properties the
 *   library does not model — refresh.userIds — are allowed by name.)
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Properties Teams understands that the JS library does not serialise back. */
const ALLOWED_LOST = new Set(['$schema', 'refresh.userIds']);

function lostProps(input: unknown, output: unknown, path: string, out: string[]) {
  if (Array.isArray(input)) {
    const o = Array.isArray(output) ? output : [];
    input.forEach((x, i) => lostProps(x, o[i], `${path}[${i}]`, out));
    return;
  }
  if (!input || typeof input !== 'object') return;
  const o = (output && typeof output === 'object' ? output : {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    const generic = p.replace(/\[\d+\]/g, '');
    if (ALLOWED_LOST.has(generic) || ALLOWED_LOST.has(k)) continue;
    // Action data is free JSON: the library keeps it as a whole.
    if (k === 'data' && typeof v === 'object') continue;
    if (!(k in o)) {
      // Defaults the library leaves out of its JSON are fine.
      if (v === false || v === 'Default' || (k === 'style' && v === 'default')) continue;
      out.push(p);
      continue;
    }
    lostProps(v, o[k], p, out);
  }
}

export function validateCard(card: unknown): string[] {
  const problems: string[] = [];
  const c = card as Record<string, unknown>;
  if (c?.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  const version = String(c?.version ?? '');
  if (!/^1\.[0-5]$/.test(version)) problems.push(`version ${version} is not ≤ 1.5`);
  const ctx = new AC.SerializationContext();
  ctx.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents ?? []) problems.push(`validate: ${e.message}`);
  const lost: string[] = [];
  lostProps(card, parsed.toJSON(), '', lost);
  for (const p of lost) problems.push(`property not in Adaptive Cards 1.5 (or misspelt): ${p}`);
  return problems;
}

/** Throws with every problem listed. */
export function expectValidCard(card: unknown): void {
  const p = validateCard(card);
  if (p.length) throw new Error(`Adaptive Card not valid for 1.5:\n  ${p.join('\n  ')}\n${JSON.stringify(card).slice(0, 600)}`);
}
