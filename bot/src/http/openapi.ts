/** OpenAPI 3.1, generated from the same route table and zod schemas the server validates with. */
import { z } from 'zod';
import type { RouteDef } from './route.js';

const toSchema = (s: z.ZodType, io: 'input' | 'output') => {
  try {
    return z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  } catch {
    return {};
  }
};

export function buildOpenApi(routes: RouteDef[], origin: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const p = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query], ['header', r.headers]] as const) {
      if (!schema) continue;
      const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {}))
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
    const responses: Record<string, unknown> = {
      '400': { description: 'Invalid request', content: { 'application/problem+json': {} } },
      '401': { description: 'Not signed in', content: { 'application/problem+json': {} } },
      '403': { description: 'Not allowed', content: { 'application/problem+json': {} } },
    };
    responses['200'] = r.produces
      ? { description: 'OK', content: { [r.produces]: {} } }
      : { description: 'OK', content: r.response ? { 'application/json': { schema: toSchema(r.response, 'output') } } : {} };
    paths[p] ??= {};
    paths[p]![r.method] = {
      summary: r.summary,
      tags: [r.tag],
      security: [{ bearer: [] }],
      'x-roles': r.roles,
      parameters,
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Polku API', version: '0.1.0', description: 'Centralised client guidance for housing services' },
    servers: [{ url: origin }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
