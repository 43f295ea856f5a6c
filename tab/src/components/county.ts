/** The county's municipalities (GET /api/county), named in the UI language. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CountyDto } from '../api/types';

export function useCounty() {
  return useQuery({ queryKey: ['county'], queryFn: () => api.get<CountyDto>('/api/county'), staleTime: 60 * 60_000 });
}

export function useMunicipalityName() {
  const { i18n } = useTranslation();
  const county = useCounty();
  return (code: string | undefined): string => {
    if (!code) return '';
    const m = county.data?.municipalities.find((x) => x.code === code);
    if (!m) return code;
    return i18n.language === 'sv' ? m.sv : m.fi;
  };
}
