import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { CaseView } from '../../api/types';

export const caseKey = (id: string) => ['case', id] as const;

export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKey(caseId),
    queryFn: ({ signal }) => api.getVersioned<CaseView>(paths.case(caseId), signal),
  });
}

/** After a change to a case: its own data, its sub-resources and the lists that show it. */
export function useRefreshCase(caseId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['case', caseId] }),
      qc.invalidateQueries({ queryKey: ['my'] }),
    ]);
}
