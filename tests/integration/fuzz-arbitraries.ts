/**
 * fast-check arbitraries from a route's zod schemas (through zod's JSON Schema): values that
 * follow the schema (to get past validation and into the use case), values that break it in one
 * place (a missing field, a wrong type, an unknown key, an edge value), and plain junk. Used by
 * fuzz.test.ts (fast) and the stress run (more runs).
 */
import fc, { type Arbitrary } from 'fast-check';
import { z } from 'zod';

type Js = {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  additionalProperties?: boolean | Js;
  items?: Js;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Js[];
  oneOf?: Js[];
  allOf?: Js[];
  default?: unknown;
};

export function jsonSchemaOf(schema: z.ZodType): Js {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;
}

/** Text that tends to break things: quotes for OData filters, markup, control and astral chars. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "'",
  "x' or PartitionKey ne '",
  '../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '\u0000',
  '\u202e',
  '😀👩‍👩‍👧',
  'ä'.repeat(300),
  '__proto__',
  'constructor',
  '${{7*7}}',
  '-1',
  '1e309',
  'NaN',
  '9'.repeat(40),
  '2026-02-30',
  '2026-11-23T25:61:00Z',
];

const nasty = fc.constantFrom(...NASTY_STRINGS);

function stringArb(s: Js): Arbitrary<string> {
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => (s.maxLength === undefined || v.length <= s.maxLength) && v.length >= (s.minLength ?? 0));
    } catch {
      /* a pattern fast-check cannot walk: fall through */
    }
  }
  if (s.format === 'date') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri') return fc.webUrl({ validSchemes: ['https'] });
  const max = Math.min(s.maxLength ?? 60, 400);
  const min = Math.min(s.minLength ?? 0, max);
  return fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }) }, { weight: 1, arbitrary: nasty });
}

function numberArb(s: Js, integer: boolean): Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e6);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e6);
  if (s.multipleOf) {
    const m = s.multipleOf;
    return fc.integer({ min: Math.ceil(lo / m), max: Math.floor(hi / m) }).map((k) => k * m);
  }
  return integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values for fields by name (ids that exist, a valid henkilötunnus), to reach deeper than validation. */
export type Hints = Record<string, Arbitrary<unknown>>;

/** Values that follow the schema (mostly: patterns and formats are honoured where they can be). */
export function valid(s: Js, depth = 0, hints: Hints = {}): Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.oneOf ?? s.anyOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => valid(a, depth + 1, hints)));
  if (s.allOf?.length) return valid(s.allOf[0]!, depth + 1, hints);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const maxLength = Math.min(s.maxItems ?? 4, depth > 2 ? 1 : 4);
      return fc.array(s.items ? valid(s.items, depth + 1, hints) : fc.jsonValue({ maxDepth: 1 }), { minLength: Math.min(s.minItems ?? 0, maxLength), maxLength });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const shape: Record<string, Arbitrary<unknown>> = {};
      for (const [k, p] of Object.entries(props)) {
        const own = valid(p, depth + 1, hints);
        shape[k] = hints[k] ? fc.oneof({ weight: 3, arbitrary: hints[k]! }, { weight: 1, arbitrary: own }) : own;
      }
      return fc.record(shape, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value broken in one place: each kind of mistake a client (or attacker) can make. */
export function broken(s: Js, hints: Hints = {}): Arbitrary<unknown> {
  const base = valid(s, 0, hints);
  const props = Object.keys(s.properties ?? {});
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, fc.constant(null), fc.double(), fc.constant(-1), fc.constant(1e308), fc.array(fc.string(), { maxLength: 3 }));
  const mutations: Array<Arbitrary<unknown>> = [
    junk,
    base.map((v) => (isObj(v) ? { ...v, ['unexpected' + 'Field']: 1 } : [v])),
    base.map((v) => (isObj(v) ? JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(v).slice(1)}`.replace(',}', '}')) : v)),
  ];
  if (props.length) {
    mutations.push(
      fc.tuple(base, fc.constantFrom(...props)).map(([v, k]) => {
        const o = { ...(v as Record<string, unknown>) };
        delete o[k];
        return o;
      }),
      fc.tuple(base, fc.constantFrom(...props), junk).map(([v, k, j]) => ({ ...(v as Record<string, unknown>), [k]: j })),
    );
  }
  return fc.oneof(...mutations);
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A query string's key → value pairs (values are text on the wire). */
export function queryArb(s: Js | undefined): Arbitrary<Record<string, string>> {
  const toText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const wire = (a: Arbitrary<unknown>) =>
    a.map((v) => (isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toText(x)])) : { q: toText(v) }));
  if (!s) return fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 20 }), nasty), { maxKeys: 3 }));
  return fc.oneof(wire(valid(s)), wire(broken(s)), fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), nasty), nasty, { maxKeys: 3 }));
}
