import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AssessmentContentSchema, AssessmentViewSchema } from '@contract/assessment';
import { api } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { paths } from '../../../api/paths';

export type AssessmentView = z.infer<typeof AssessmentViewSchema>;
export type AssessmentContent = z.infer<typeof AssessmentContentSchema>;

export const assessmentKey = (caseId: string) => ['case', caseId, 'assessment'] as const;

/** The current assessment round, or null when none has been started. */
export function useAssessment(caseId: string, enabled = true) {
  return useQuery({
    queryKey: assessmentKey(caseId),
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<AssessmentView>(paths.assessment(caseId), signal);
      } catch (err) {
        if (isApiError(err) && err.status === 404 && err.problem.resource === 'assessment') return null;
        throw err;
      }
    },
  });
}

export function useAssessmentMutations(caseId: string) {
  const qc = useQueryClient();
  const done = (view: AssessmentView) => {
    qc.setQueryData(assessmentKey(caseId), view);
    void qc.invalidateQueries({ queryKey: ['case', caseId], exact: true });
    void qc.invalidateQueries({ queryKey: ['my'] });
  };
  return {
    start: useMutation({
      mutationFn: () => api.post<AssessmentView | { view: AssessmentView }>(paths.assessmentStart(caseId), {}),
      onSuccess: (r) => done('view' in r ? r.view : r),
    }),
    save: useMutation({
      mutationFn: (v: { version: string; content: AssessmentContent }) =>
        api.put<AssessmentView>(paths.assessment(caseId), { version: v.version, content: v.content }),
      onSuccess: done,
    }),
    finish: useMutation({
      mutationFn: (version: string) => api.post<AssessmentView>(paths.assessmentFinish(caseId), { version }),
      onSuccess: done,
    }),
    deliver: useMutation({
      mutationFn: (v: { version: string; deliveredOn: string; way: string }) =>
        api.post<AssessmentView>(paths.assessmentDelivery(caseId), v),
      onSuccess: done,
    }),
  };
}
