import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIdempotencyKey } from '../../api/idempotency';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type {
  DecisionCreate,
  DecisionDocument,
  DecisionList,
  DecisionUpdate,
  DecisionView,
  PostalAddressPut,
  PostalAddressView,
  ToMailList,
  ToSignList,
} from '../../api/types';

export const useCaseDecisions = (caseId: string) =>
  useQuery({ queryKey: ['case', caseId, 'decisions'], queryFn: ({ signal }) => api.get<DecisionList>(paths.decisions(caseId), signal) });

export const useDecision = (caseId: string, decisionId: string | undefined) =>
  useQuery({
    queryKey: ['case', caseId, 'decision', decisionId],
    enabled: !!decisionId,
    queryFn: ({ signal }) => api.get<DecisionView>(paths.decision(caseId, decisionId!), signal),
  });

export const usePreview = (caseId: string, decisionId: string | undefined, lang: 'fi' | 'sv' | undefined, version: string | undefined) =>
  useQuery({
    queryKey: ['case', caseId, 'decision', decisionId, 'preview', lang, version],
    enabled: !!decisionId,
    queryFn: ({ signal }) => api.get<DecisionDocument>(paths.decisionPreview(caseId, decisionId!, lang), signal),
  });

export const useToMail = (enabled: boolean) =>
  useQuery({ queryKey: ['decisions', 'to-mail'], enabled, queryFn: ({ signal }) => api.get<ToMailList>(paths.toMail, signal) });

export const useToSign = (enabled: boolean) =>
  useQuery({ queryKey: ['decisions', 'to-sign'], enabled, queryFn: ({ signal }) => api.get<ToSignList>(paths.toSign, signal) });

export const usePostalAddress = (caseId: string) =>
  useQuery({ queryKey: ['case', caseId, 'postal-address'], queryFn: ({ signal }) => api.get<PostalAddressView>(paths.postalAddress(caseId), signal) });

export function usePostalAddressSave(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: PostalAddressPut) => api.put<PostalAddressView>(paths.postalAddress(caseId), b),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['case', caseId] }),
  });
}

export function useDecisionMutations(caseId: string) {
  const qc = useQueryClient();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['case', caseId] }),
      qc.invalidateQueries({ queryKey: ['decisions'] }),
      qc.invalidateQueries({ queryKey: ['my'] }),
    ]);
  const put = (v: DecisionView) => qc.setQueryData(['case', caseId, 'decision', v.decision.id], v);
  const draftForm = useIdempotencyKey();
  const correctionForm = useIdempotencyKey();
  return {
    draft: useMutation({
      mutationFn: (b: DecisionCreate) => api.post<DecisionView>(paths.decisions(caseId), b, draftForm.headers()),
      onSuccess: (v) => {
        draftForm.renew();
        put(v);
      },
      onSettled: () => void refresh(),
    }),
    update: useMutation({
      mutationFn: (v: { id: string; body: DecisionUpdate }) => api.patch<DecisionView>(paths.decision(caseId, v.id), v.body),
      onSuccess: put,
      onSettled: () => void refresh(),
    }),
    sign: useMutation({
      mutationFn: (v: { id: string; version: string; confirmLanguage?: boolean }) =>
        api.post<DecisionView>(paths.decisionSign(caseId, v.id), { version: v.version, ...(v.confirmLanguage ? { confirmLanguage: true } : {}) }),
      onSuccess: put,
      onSettled: () => void refresh(),
    }),
    submit: useMutation({
      mutationFn: (v: { id: string; version: string }) => api.post<DecisionView>(paths.decisionSubmit(caseId, v.id), { version: v.version }),
      onSuccess: put,
      onSettled: () => void refresh(),
    }),
    returned: useMutation({
      mutationFn: (v: { id: string; version: string }) => api.post<DecisionView>(paths.decisionReturned(caseId, v.id), { version: v.version }),
      onSuccess: put,
      onSettled: () => void refresh(),
    }),
    mailed: useMutation({
      mutationFn: (v: { id: string; version: string; channel: 'post' | 'electronic'; postedOn?: string }) =>
        api.post<DecisionView>(paths.decisionMailed(caseId, v.id), { version: v.version, channel: v.channel, ...(v.postedOn ? { postedOn: v.postedOn } : {}) }),
      onSuccess: put,
      onSettled: () => void refresh(),
    }),
    notified: useMutation({
      mutationFn: (v: { id: string; version: string; notifiedOn?: string }) =>
        api.post<DecisionView>(paths.decisionNotified(caseId, v.id), { version: v.version, ...(v.notifiedOn ? { notifiedOn: v.notifiedOn } : {}) }),
      onSuccess: put,
      onSettled: () => void refresh(),
    }),
    correct: useMutation({
      mutationFn: (v: { id: string; reason: string }) =>
        api.post<DecisionView>(paths.decisionCorrection(caseId, v.id), { reason: v.reason }, correctionForm.headers()),
      onSuccess: (v) => {
        correctionForm.renew();
        put(v);
      },
      onSettled: () => void refresh(),
    }),
  };
}
