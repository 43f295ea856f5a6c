import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { CaseStateChange, FollowUpCreate, PlanSave, PlanView } from '../../api/types';

export const planKey = (caseId: string) => ['case', caseId, 'plan'] as const;

export const usePlan = (caseId: string, enabled = true) =>
  useQuery({ queryKey: planKey(caseId), enabled, queryFn: ({ signal }) => api.get<PlanView>(paths.plan(caseId), signal) });

export function usePlanMutations(caseId: string) {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['case', caseId] }), qc.invalidateQueries({ queryKey: ['my'] })]);
  return {
    save: useMutation({
      mutationFn: (b: PlanSave) => api.put<PlanView>(paths.plan(caseId), b),
      onSuccess: (v) => qc.setQueryData(planKey(caseId), v),
      onSettled: () => void refresh(),
    }),
    followUp: useMutation({
      mutationFn: (b: FollowUpCreate) => api.post<PlanView>(paths.followUps(caseId), b),
      onSuccess: (v) => qc.setQueryData(planKey(caseId), v),
      onSettled: () => void refresh(),
    }),
    close: useMutation({
      mutationFn: (b: { version: string; reason: string; note?: string }) => api.post<CaseStateChange>(paths.close(caseId), b),
      onSettled: () => void refresh(),
    }),
    needChanged: useMutation({
      mutationFn: (b: { version: string; note?: string }) => api.post<CaseStateChange>(paths.needChanged(caseId), b),
      onSettled: () => void refresh(),
    }),
  };
}
