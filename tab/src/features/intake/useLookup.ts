/**
 * Live look-up while the form is filled: with a valid henkilötunnus, or with name + birth date
 * when the henkilötunnus is not known. In the POST body, never the URL (no identity in URLs).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { PersonLookupResult } from '../../api/types';
import { hetuStatus, type IntakeForm } from './model';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function lookupBody(f: IntakeForm): Record<string, string> | null {
  if (!f.hetuUnknown) {
    const hs = hetuStatus(f.hetu, true);
    return hs.kind === 'valid' ? { hetu: hs.normalized } : null;
  }
  if (f.firstName.trim() && f.lastName.trim() && /^\d{4}-\d{2}-\d{2}$/.test(f.birthDate))
    return { firstName: f.firstName.trim(), lastName: f.lastName.trim(), birthDate: f.birthDate };
  return null;
}

export function useLookup(form: IntakeForm) {
  const body = useDebounced(lookupBody(form), 350);
  const key = body ? JSON.stringify(body) : null;
  return useQuery({
    // The key holds identity only in memory (react-query cache), never in a URL or storage.
    queryKey: ['intake-lookup', key],
    queryFn: () => api.post<PersonLookupResult>('/api/contacts/lookup', body),
    enabled: body !== null,
    staleTime: 10_000,
    gcTime: 30_000,
  });
}
