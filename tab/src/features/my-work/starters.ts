/**
 * What the entry's early start (early.ts) calls: GET /api/me, and My work's chunk and requests
 * (its cases, its bookings, and the county's municipality names its table shows).
 */
import { fetchMe, meKey } from '../../api/me';
import type { EarlyStarters } from './early';
import { countyKey, fetchCounty, fetchMyBookings, fetchMyCases, myBookingsKey, myCasesKey } from './fetch';
import { loadMyWorkPage } from './load';

export const firstViewStarters: EarlyStarters = {
  me: { queryKey: meKey, start: () => fetchMe() },
  myWork: () => {
    void loadMyWorkPage().catch(() => undefined); // the route shows the failure when it renders
    return [
      { queryKey: myCasesKey, promise: fetchMyCases() },
      { queryKey: myBookingsKey, promise: fetchMyBookings() },
      { queryKey: countyKey, promise: fetchCounty() },
    ];
  },
};
