/**
 * Save from the version read: a 412 (someone saved first) writes nothing and keeps the form; the
 * user then loads the newest version (their changes dropped) or saves theirs over it.
 */
import { useState } from 'react';
import { isApiError } from '../../api/errors';

export function useVersionedSave<T extends { version: string }>(o: {
  version?: string;
  save: (version: string | undefined) => Promise<T>;
  latest?: () => Promise<T>;
  onLoaded: (v: T) => void;
  onSaved: (v: T) => void;
}) {
  const [version, setVersion] = useState(o.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  const run = async (withVersion: string | undefined) => {
    setBusy(true);
    try {
      const r = await o.save(withVersion);
      setVersion(r.version);
      setError(null);
      setConflict(false);
      o.onSaved(r);
    } catch (err) {
      setError(err);
      setConflict(isApiError(err) && err.isConflict);
    } finally {
      setBusy(false);
    }
  };

  const fetchLatest = async (): Promise<T | undefined> => {
    if (!o.latest) return undefined;
    setBusy(true);
    try {
      return await o.latest();
    } catch (err) {
      setError(err);
      setConflict(false);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    conflict,
    submit: () => void run(version),
    loadLatest: async () => {
      const v = await fetchLatest();
      if (!v) return;
      setVersion(v.version);
      setError(null);
      setConflict(false);
      o.onLoaded(v);
    },
    overwrite: async () => {
      const v = await fetchLatest();
      if (v) await run(v.version);
    },
  };
}
