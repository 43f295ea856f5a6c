/**
 * The tab's one QueryClient. Created in main.tsx before the first render, so the first view's
 * queries can start while the shell's code is still loading (features/my-work/start.ts).
 */
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './errors';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (count, err) => {
          if (isApiError(err) && err.status >= 400 && err.status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
