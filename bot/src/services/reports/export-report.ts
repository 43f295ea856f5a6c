/**
 * CSV export of the report. The export holds aggregate figures only (no client), yet it is an
 * export and is logged as one: an access-log entry under the subject 'aggregate-reports' (not a
 * client), relation 'system', naming the period and filters — so the admin's day listing shows
 * who exported what, in the same hash-chained log as every other export.
 */
import type { ReportExportQuery } from '../../contract/reports.js';
import type { AuthUser } from '../../domain/access.js';
import { reportCsv } from '../../domain/reports/index.js';
import { actorOf } from '../case-access.js';
import type { Deps } from '../deps.js';
import { getReport } from './get-report.js';

/** The access log's subject for aggregate report exports (never a client id). */
export const REPORT_AUDIT_SUBJECT = 'aggregate-reports';

export async function exportReport(deps: Deps, user: AuthUser, input: ReportExportQuery): Promise<{ csv: string; filename: string }> {
  const report = await getReport(deps, user, input);
  const q = report.query;
  const csv = reportCsv(report, input.lang);
  await deps.accessLog.record({
    at: deps.clock.now().toISOString(),
    actor: actorOf(user),
    clientId: REPORT_AUDIT_SUBJECT,
    action: 'export',
    what: `reports.csv ${q.from}..${q.to} municipality=${q.municipality ?? 'all'} service=${q.service ?? 'all'}`,
    relation: 'system',
  });
  const parts = ['polku-report', q.from, q.to, q.municipality, q.service].filter(Boolean).join('_');
  return { csv, filename: `${parts}.csv` };
}
