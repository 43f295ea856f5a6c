/**
 * My work's two requests as plain functions (no React, no React Query), so the entry chunk can
 * start them before the rest of the tab has loaded (features/my-work/early.ts).
 */
import { api } from '../../api/client';
import { paths } from '../../api/paths';
import type { CountyDto, MyBookings, MyCaseRow } from '../../api/types';

export const myCasesKey = ['my', 'cases'] as const;
export const myBookingsKey = ['my', 'bookings'] as const;

/** The worker's open cases (the server logs each client listed as read). */
export const fetchMyCases = (signal?: AbortSignal): Promise<MyCaseRow[]> =>
  api.get<{ cases: MyCaseRow[] }>(paths.myCases, signal).then((r) => r.cases);

/** The worker's SAP bookings waiting for their meeting. */
export const fetchMyBookings = (signal?: AbortSignal): Promise<MyBookings> => api.get<MyBookings>(paths.myBookings, signal);

/**
 * The county's municipalities, which the case table names (components/county.ts useCounty, the
 * same key): otherwise fetched only once the cases are shown, and the codes flash first.
 */
export const countyKey = ['county'] as const;
export const fetchCounty = (): Promise<CountyDto> => api.get<CountyDto>(paths.county);
