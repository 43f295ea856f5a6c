/** The signed-in person's reminder preferences (GET /api/me, PUT /api/me/preferences). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Me } from '../../api/types';

/** Its own key under 'me': the shell's ['me'] query keeps the session's shape. */
const key = ['me', 'preferences'] as const;

export const useMe = () => useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<Me>('/api/me', signal), staleTime: 0 });

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mutedReminders: string[]) => api.put<Me>('/api/me/preferences', { mutedReminders }),
    onSuccess: (me) => qc.setQueryData(key, me),
  });
}
