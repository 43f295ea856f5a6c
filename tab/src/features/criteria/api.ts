/** The county's criteria per service: in force today, every version, and the admin's new version. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Cr from '@contract/criteria';
import { useIdempotencyKey } from '../../api/idempotency';
import { api } from '../../api/client';

export type CriteriaSet = Cr.CriteriaSetDto;
export type CriteriaItem = CriteriaSet['items'][number];
export type CriteriaPublish = z.input<typeof Cr.CriteriaPublishSchema>;
type InForce = z.infer<typeof Cr.CriteriaInForceSchema>;
type Versions = z.infer<typeof Cr.CriteriaVersionsSchema>;

export const useCriteriaInForce = () => useQuery({ queryKey: ['criteria', 'inForce'], queryFn: ({ signal }) => api.get<InForce>('/api/criteria', signal) });

export const useCriteriaVersions = (service: string) =>
  useQuery({
    queryKey: ['criteria', 'versions', service],
    queryFn: ({ signal }) => api.get<Versions>(`/api/criteria/${encodeURIComponent(service)}/versions`, signal),
  });

export function usePublishCriteria() {
  const qc = useQueryClient();
  const form = useIdempotencyKey();
  return useMutation({
    mutationFn: (b: CriteriaPublish) => api.post<CriteriaSet>('/api/criteria', b, form.headers()),
    onSuccess: () => {
      form.renew();
      void qc.invalidateQueries({ queryKey: ['criteria'] });
    },
  });
}
