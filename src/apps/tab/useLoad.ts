import { useCallback, useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly data: T; readonly refreshing: boolean };

/**
 * Loads once on mount and on `reload()`. A quiet reload keeps the data on screen (after an action
 * on one row, the list should not flash a spinner). Stale answers are dropped.
 */
export const useLoad = <T>(load: () => Promise<T>): { state: LoadState<T>; reload: (quiet?: boolean) => Promise<void> } => {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async (quiet = false) => {
    const mine = ++generation.current;
    setState((s) => (quiet && s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
    try {
      const data = await loadRef.current();
      if (mine === generation.current) setState({ status: 'ready', data, refreshing: false });
    } catch (error: unknown) {
      if (mine === generation.current) setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void reload();
    return () => {
      // Unmounted: any answer still on its way is stale.
      generation.current++;
    };
  }, [reload]);

  return { state, reload };
};
