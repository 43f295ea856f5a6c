import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useIdempotencyKey } from '../../api/idempotency';
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { MyNotices, NoticeCreate, NoticeList, NoticeStatus } from '../../api/types';

export const useMyNotices = () => useQuery({ queryKey: ['notices', 'mine'], queryFn: ({ signal }) => api.get<MyNotices>(paths.myNotices('all'), signal) });
export const usePublished = (enabled: boolean) =>
  useQuery({ queryKey: ['notices', 'published'], enabled, queryFn: ({ signal }) => api.get<NoticeList>(paths.notices('all'), signal) });
export const useNoticeStatus = (id: string | undefined) =>
  useQuery({ queryKey: ['notices', 'status', id], enabled: !!id, queryFn: ({ signal }) => api.get<NoticeStatus>(paths.noticeAcks(id!), signal) });

export function useNoticeMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['notices'] });
  const noticeForm = useIdempotencyKey();
  return {
    ack: useMutation({ mutationFn: (id: string) => api.post(paths.noticeAck(id), {}), onSettled: () => void refresh() }),
    publish: useMutation({
      mutationFn: (b: NoticeCreate) => api.post(paths.notices(), b, noticeForm.headers()),
      onSuccess: () => noticeForm.renew(),
      onSettled: () => void refresh(),
    }),
  };
}
