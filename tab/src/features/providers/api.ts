/** Providers and units: the lists everyone reads and the admin's changes (each from the version read). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as P from '@contract/providers';
import { api, qs } from '../../api/client';
import { useIdempotencyKey } from '../../api/idempotency';
import { paths } from '../../api/paths';
import type { ProviderList, UnitList } from '../../api/types';

export type ProviderDto = P.ProviderDto;
export type UnitDto = P.UnitDto;
export type ProviderBody = z.input<typeof P.ProviderCreateSchema>;
export type UnitBody = z.input<typeof P.UnitCreateSchema>;
type ProviderWithUnits = z.infer<typeof P.ProviderWithUnitsSchema>;

const e = encodeURIComponent;
const providerPath = (id: string) => `/api/providers/${e(id)}`;
const unitPath = (id: string) => `/api/units/${e(id)}`;

export const useProviders = () => useQuery({ queryKey: ['providers'], queryFn: ({ signal }) => api.get<ProviderList>(paths.providers, signal) });

/** The admin also sees units no longer in use (to put them back in use). */
export const useUnits = (service: string, includeInactive: boolean) =>
  useQuery({
    queryKey: ['units', service || null, null, includeInactive],
    queryFn: ({ signal }) => api.get<UnitList>(`/api/units${qs({ service: service || undefined, includeInactive: includeInactive ? 'true' : undefined })}`, signal),
  });

export const latestProvider = (id: string) => api.get<ProviderWithUnits>(providerPath(id)).then((r) => r.provider);
export const latestUnit = (id: string) => api.get<UnitDto>(unitPath(id));

export function useProviderMutations() {
  const qc = useQueryClient();
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['providers'] }), qc.invalidateQueries({ queryKey: ['units'] })]);
  const providerForm = useIdempotencyKey();
  const unitForm = useIdempotencyKey();
  return {
    createProvider: useMutation({
      mutationFn: (b: ProviderBody) => api.post<ProviderDto>(paths.providers, b, providerForm.headers()),
      onSuccess: () => {
        providerForm.renew();
        void refresh();
      },
    }),
    updateProvider: useMutation({
      mutationFn: ({ id, version, body }: { id: string; version: string; body: ProviderBody }) => api.put<ProviderDto>(providerPath(id), { ...body, version }),
      onSuccess: () => void refresh(),
    }),
    createUnit: useMutation({
      mutationFn: (b: UnitBody) => api.post<UnitDto>('/api/units', b, unitForm.headers()),
      onSuccess: () => {
        unitForm.renew();
        void refresh();
      },
    }),
    updateUnit: useMutation({
      mutationFn: ({ id, version, body }: { id: string; version: string; body: UnitBody }) => api.put<UnitDto>(unitPath(id), { ...body, version }),
      onSuccess: () => void refresh(),
    }),
  };
}
