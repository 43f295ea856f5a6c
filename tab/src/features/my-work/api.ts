import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MyCaseRow } from '../../api/types';

export const myCasesKey = ['my', 'cases'] as const;

export function useMyCases() {
  return useQuery({
    queryKey: myCasesKey,
    queryFn: ({ signal }) => api.get<{ cases: MyCaseRow[] }>('/api/my/cases', signal).then((r) => r.cases),
    refetchInterval: 60_000,
  });
}
