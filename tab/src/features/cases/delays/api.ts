import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClientDelayCloseSchema, ClientDelayCreateSchema, ClientDelaysViewSchema } from '@contract/assessment';
import { api } from '../../../api/client';
import { paths } from '../../../api/paths';

export type ClientDelayBody = z.input<typeof ClientDelayCreateSchema>;
export type ClientDelaysView = z.infer<typeof ClientDelaysViewSchema>;

/** Records a delay; the case (and so its clocks, recomputed by the server) is read again. */
export function useRecordDelay(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ClientDelayBody) => api.post<ClientDelaysView>(paths.clientDelays(caseId), b),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ['case', caseId] }), qc.invalidateQueries({ queryKey: ['my'] })]),
  });
}

export type ClientDelayCloseBody = z.input<typeof ClientDelayCloseSchema>;

/** Closes an ongoing delay on its last day; the case is read again. */
export function useCloseDelay(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ClientDelayCloseBody) => api.post<ClientDelaysView>(paths.clientDelaysClose(caseId), b),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ['case', caseId] }), qc.invalidateQueries({ queryKey: ['my'] })]),
  });
}
