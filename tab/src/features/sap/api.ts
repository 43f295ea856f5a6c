import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIdempotencyKey } from '../../api/idempotency';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { z } from 'zod';
import type { MeetingCreateSchema } from '@contract/sap';
import type { Agenda, BookingResult, FreeStarts, MeetingCriteria, MeetingList, MeetingSummary, Minutes, OutcomeCreate, OutcomeResult } from '../../api/types';

export const useMeetings = () =>
  useQuery({ queryKey: ['sap', 'meetings'], queryFn: ({ signal }) => api.get<MeetingList>(paths.meetings(undefined, 120), signal) });

export const useAgenda = (meetingId: string | undefined) =>
  useQuery({
    queryKey: ['sap', 'agenda', meetingId],
    enabled: !!meetingId,
    queryFn: ({ signal }) => api.get<Agenda>(paths.agenda(meetingId!), signal),
    refetchInterval: 30_000,
  });

export const useFreeStarts = (meetingId: string | undefined, length: number, enabled: boolean) =>
  useQuery({
    queryKey: ['sap', 'free', meetingId, length],
    enabled: !!meetingId && enabled,
    queryFn: ({ signal }) => api.get<FreeStarts>(paths.freeStarts(meetingId!, length), signal),
  });

export const useMeetingCriteria = (meetingId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['sap', 'criteria', meetingId],
    enabled: !!meetingId && enabled,
    queryFn: ({ signal }) => api.get<MeetingCriteria>(paths.meetingCriteria(meetingId!), signal),
    staleTime: 10 * 60_000,
  });

export const useMinutes = (meetingId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['sap', 'minutes', meetingId],
    enabled: !!meetingId && enabled,
    queryFn: ({ signal }) => api.get<Minutes>(paths.minutes(meetingId!), signal),
  });

function useRefreshSap() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['sap'] }),
      qc.invalidateQueries({ queryKey: ['my'] }),
      qc.invalidateQueries({ queryKey: ['case'] }),
    ]);
}

/** The body of POST /api/sap/meetings (the contract's MeetingCreateSchema, as sent). */
export type MeetingCreateBody = z.input<typeof MeetingCreateSchema>;
export type CreatedMeeting = Omit<MeetingSummary, 'totals' | 'expectedEndsAt'>;

/** Chair or supervisor creates a meeting; the list is refetched so the new one shows. */
export function useCreateMeeting() {
  const qc = useQueryClient();
  const form = useIdempotencyKey();
  return useMutation({
    mutationFn: (b: MeetingCreateBody) => api.post<CreatedMeeting>(paths.meetings(), b, form.headers()),
    onSuccess: () => {
      form.renew();
      void qc.invalidateQueries({ queryKey: ['sap', 'meetings'] });
    },
  });
}

export function useSapMutations(meetingId: string) {
  const refresh = useRefreshSap();
  const bookingForm = useIdempotencyKey();
  return {
    book: useMutation({
      mutationFn: (b: { caseId: string; startMinute: number; lengthMinutes: 10 | 20 | 30; note?: string }) =>
        api.post<BookingResult>(paths.bookings(meetingId), b, bookingForm.headers()),
      onSuccess: () => bookingForm.renew(),
      onSettled: () => void refresh(),
    }),
    cancel: useMutation({
      mutationFn: (bookingId: string) => api.delete<BookingResult>(paths.booking(meetingId, bookingId), {}),
      onSettled: () => void refresh(),
    }),
    outcome: useMutation({
      mutationFn: (v: { bookingId: string; body: OutcomeCreate }) => api.put<OutcomeResult>(paths.outcome(meetingId, v.bookingId), v.body),
      onSettled: () => void refresh(),
    }),
  };
}
