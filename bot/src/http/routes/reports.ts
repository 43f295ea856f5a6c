/**
 * Organiser reports: aggregate figures only (never client-level data, cells of 1–4 clients are
 * "<5"). The organiser and the supervisor read them; the admin can rebuild the aggregates.
 */
import { z } from 'zod';
import { RebuildResultSchema, ReportExportQuerySchema, ReportQuerySchema, ReportSchema } from '../../contract/reports.js';
import { exportReport } from '../../services/reports/export-report.js';
import { getReport } from '../../services/reports/get-report.js';
import { rebuildReports } from '../../services/reports/rebuild-reports.js';
import { route } from '../route.js';

const READERS = ['Organiser', 'Supervisor'] as const;

export const reportRoutes = [
  route({
    method: 'get',
    path: '/api/reports',
    summary: 'Report for a period: volumes, equality by municipality, waiting times, deadlines, queue, production, criteria',
    tag: 'reports',
    roles: READERS,
    query: ReportQuerySchema,
    response: ReportSchema,
    handler: async ({ deps, user, query }) => ({ body: await getReport(deps, user, query) }),
  }),
  route({
    method: 'get',
    path: '/api/reports/export.csv',
    summary: 'The same report as CSV (semicolon-separated, UTF-8 with BOM); the export is access-logged',
    tag: 'reports',
    roles: READERS,
    query: ReportExportQuerySchema,
    produces: 'text/csv',
    handler: async ({ deps, user, query }) => {
      const r = await exportReport(deps, user, query);
      return { raw: { contentType: 'text/csv; charset=utf-8', data: r.csv, filename: r.filename } };
    },
  }),
  route({
    method: 'post',
    path: '/api/reports/rebuild',
    summary: 'Recompute the report aggregates from the cases (repair); returns counts only',
    tag: 'reports',
    roles: ['Admin'],
    body: z.object({}).strict(),
    response: RebuildResultSchema,
    handler: async ({ deps }) => ({ body: await rebuildReports(deps) }),
  }),
];
