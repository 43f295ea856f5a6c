import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIdempotencyKey, type FormKey } from '../../api/idempotency';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { CaseQueue, PlacementList, PlacementResult, QueueList, QueueSummary, UnitList } from '../../api/types';

export const useQueueSummary = () => useQuery({ queryKey: ['queues'], queryFn: ({ signal }) => api.get<QueueSummary>(paths.queues, signal) });

export const useQueue = (service: string | undefined, unitId: string | null | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['queues', service, unitId ?? null],
    enabled: !!service && enabled,
    queryFn: ({ signal }) => api.get<QueueList>(paths.queue(service!, unitId), signal),
  });

export const useCaseQueue = (caseId: string, enabled = true) =>
  useQuery({ queryKey: ['case', caseId, 'queue'], enabled, queryFn: ({ signal }) => api.get<CaseQueue>(paths.caseQueue(caseId), signal) });

export const usePlacements = (caseId: string, enabled = true) =>
  useQuery({ queryKey: ['case', caseId, 'placement'], enabled, queryFn: ({ signal }) => api.get<PlacementList>(paths.placement(caseId), signal) });

export const useUnits = (service: string | undefined, vacant?: boolean) =>
  useQuery({
    queryKey: ['units', service, vacant ?? null],
    enabled: !!service,
    queryFn: ({ signal }) => api.get<UnitList>(paths.units({ service, vacant }), signal),
  });

export function useQueueMutations(caseId: string) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['queues'] }),
      qc.invalidateQueries({ queryKey: ['case', caseId] }),
      qc.invalidateQueries({ queryKey: ['units'] }),
      qc.invalidateQueries({ queryKey: ['my'] }),
    ]);
  const usePost = <T,>(path: string, form?: FormKey) =>
    useMutation({
      mutationFn: (body: Record<string, unknown>) => api.post<T>(path, body, form?.headers()),
      onSuccess: () => form?.renew(),
      onSettled: () => void refresh(),
    });
  const offerForm = useIdempotencyKey();
  return {
    join: usePost<CaseQueue>(paths.caseQueue(caseId)),
    offer: usePost<CaseQueue>(paths.queueOffer(caseId), offerForm),
    answer: usePost<CaseQueue | PlacementResult>(paths.queueAnswer(caseId)),
    expire: usePost<CaseQueue>(paths.queueExpire(caseId)),
    leave: usePost<CaseQueue>(paths.queueLeave(caseId)),
    place: usePost<PlacementResult>(paths.placement(caseId)),
  };
}
