import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchMyBookings, fetchMyCases, myBookingsKey, myCasesKey } from './fetch';

export { myCasesKey };

export const myCasesQuery = queryOptions({
  queryKey: myCasesKey,
  queryFn: ({ signal }) => fetchMyCases(signal),
  refetchInterval: 60_000,
});

export const myBookingsQuery = queryOptions({
  queryKey: myBookingsKey,
  queryFn: ({ signal }) => fetchMyBookings(signal),
});

export function useMyCases() {
  return useQuery(myCasesQuery);
}
