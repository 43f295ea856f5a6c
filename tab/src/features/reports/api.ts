/** The organiser's report: GET /api/reports and the CSV export (access-logged on the server). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportDto } from '@contract/reports';
import { api, download, qs } from '../../api/client';

export type Report = ReportDto;
export type Figure = ReportDto['totals']['contacts'];

export interface ReportFilters {
  from: string;
  to: string;
  municipality?: string;
  service?: string;
}

export function useReport(f: ReportFilters) {
  return useQuery({
    queryKey: ['reports', f],
    queryFn: ({ signal }) => api.get<Report>(`/api/reports${qs({ ...f })}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const exportCsv = (f: ReportFilters, lang: string) =>
  download(`/api/reports/export.csv${qs({ ...f, lang: ['fi', 'sv', 'en'].includes(lang) ? lang : 'fi' })}`, 'polku-report.csv');

/** A figure for a chart: "<5" and null are left out of the picture (the table shows them). */
export const plotValue = (f: Figure | null | undefined): number | undefined => (typeof f === 'number' ? f : undefined);
