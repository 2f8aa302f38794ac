'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';

export interface ApiData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads data on mount and on `reload()`. A 401 means the session ended: go to the sign-in page
 * given by `loginPath`.
 */
export function useApiData<T>(loader: () => Promise<T>, loginPath = '/entrar'): ApiData<T> {
  const router = useRouter();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const result = await loaderRef.current();
      setData(result);
      setError(undefined);
    } catch (err) {
      if (err instanceof ApiError && err.isUnauthorized) {
        router.replace(loginPath);
        router.refresh();
        return;
      }
      setError(err);
    } finally {
      setLoading(false);
    }
  }, [router, loginPath]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
