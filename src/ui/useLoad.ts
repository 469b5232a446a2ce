import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { readonly status: 'loading' }
  /** `data`: what was on screen when a quiet reload failed; it stays usable next to the error. */
  | { readonly status: 'error'; readonly error: unknown; readonly data?: T }
  | { readonly status: 'ready'; readonly data: T; readonly refreshing: boolean };

/** With `enabled: false` (LoadOptions) nothing is asked and nothing is shown. */
export type IdleState = { readonly status: 'idle' };

export interface LoadOptions {
  /** Loads again, quietly (the data stays on screen), whenever this changes (compared with Object.is). */
  readonly key?: unknown;
  /**
   * How long `key` must stay unchanged before that load starts, so typing a name costs one request.
   * The state changes only when the load starts. The first load (on mount) never waits.
   */
  readonly delayMs?: number;
  /** While false nothing is loaded, an answer still on its way is dropped, and the state is `idle`. */
  readonly enabled?: boolean;
  /**
   * The values the answer depends on (compared with Object.is, like an effect's dependencies). When one
   * changes, the data on screen answers another question: it goes (loading, not a quiet reload), the
   * load runs again at once, and the answer to the earlier question is dropped if it comes back late.
   */
  readonly inputs?: readonly unknown[];
}

const NO_INPUTS: readonly unknown[] = [];
const sameInputs = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export interface Loader<S> {
  readonly state: S;
  /** Loads now; `quiet` keeps the last data on screen (marked `refreshing`) until the answer replaces it. */
  readonly reload: (quiet?: boolean) => Promise<void>;
}

const LOADING = { status: 'loading' } as const;
const IDLE = { status: 'idle' } as const;

/** The state while a quiet load runs: the last data known stays, even after a failed quiet reload. */
const quietly = <T>(s: LoadState<T> | IdleState): LoadState<T> =>
  s.status === 'ready' ? { ...s, refreshing: true } : s.status === 'error' && s.data !== undefined ? { status: 'ready', data: s.data, refreshing: true } : LOADING;

/**
 * The one way the apps load data. Loads on mount and on `reload()`. A quiet reload keeps the data on
 * screen (after an action on one row, the list should not flash a spinner), and if it fails, the error
 * still carries that data. Only the latest request's answer is shown: an earlier one that comes back
 * late, or any answer after unmount, is dropped.
 *
 * `load` may be a new function on every render; the latest one is used, and a new one does not reload
 * by itself (call `reload()` when what it reads has changed, give the component a `key`, or pass
 * `options.key`: a search box passes its query, with `delayMs` to wait for the typing to stop). What
 * the answer depends on goes in `options.inputs`: a change there shows loading and asks again at once.
 */
// Only a load that can be disabled can be idle: without `enabled`, callers never see the idle state.
export function useLoad<T>(load: () => Promise<T>, options: LoadOptions & { readonly enabled: boolean }): Loader<LoadState<T> | IdleState>;
export function useLoad<T>(load: () => Promise<T>, options?: Omit<LoadOptions, 'enabled'>): Loader<LoadState<T>>;
export function useLoad<T>(load: () => Promise<T>, options: LoadOptions = {}): Loader<LoadState<T> | IdleState> {
  const { key, delayMs = 0, enabled = true, inputs = NO_INPUTS } = options;
  const [state, setState] = useState<LoadState<T> | IdleState>(enabled ? LOADING : IDLE);
  const [input, setInput] = useState({ key, enabled, inputs, round: 0 });
  const generation = useRef(0);
  const loadRef = useRef(load);
  /** The key the effect last ran for, to tell a changed key (which waits) from a mount or remount. */
  const lastKey = useRef<{ key: unknown } | undefined>(undefined);
  // Kept current after each render (not during it: render stays pure), before any effect or click reads it.
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  // A new input changes what is shown in the same render (react.dev, "Storing information from previous
  // renders"), not in an effect, so no frame shows the old input's state for the new one. A changed key
  // that waits (delayMs) changes the state only when its load starts.
  const newQuestion = !sameInputs(input.inputs, inputs);
  if (newQuestion || !Object.is(input.key, key) || input.enabled !== enabled) {
    setInput({ key, enabled, inputs, round: newQuestion ? input.round + 1 : input.round });
    if (!enabled) setState(IDLE);
    else if (newQuestion) setState(LOADING);
    else if (delayMs <= 0 || Object.is(input.key, key)) setState(quietly);
  }
  const round = input.round;

  /** Runs the load for request `mine` and shows its answer if no later request has started since. */
  const settle = useCallback(async (mine: number) => {
    try {
      const data = await loadRef.current();
      if (mine === generation.current) setState({ status: 'ready', data, refreshing: false });
    } catch (error: unknown) {
      if (mine === generation.current) setState((s) => (s.status === 'ready' ? { status: 'error', error, data: s.data } : { status: 'error', error }));
    }
  }, []);

  const reload = useCallback(
    (quiet = false) => {
      const mine = ++generation.current;
      setState((s) => (quiet ? quietly(s) : LOADING));
      return settle(mine);
    },
    [settle],
  );

  useEffect(() => {
    const requests = generation;
    // Whatever was on its way belongs to an earlier input (or, in development's double mount, to the
    // first mount): its answer is stale.
    const mine = ++requests.current;
    const waits = delayMs > 0 && lastKey.current !== undefined && !Object.is(lastKey.current.key, key);
    lastKey.current = { key };
    if (!enabled) return;
    if (!waits) {
      // The state is already 'loading' (first render) or was made so during the render that changed the input.
      void settle(mine);
    } else {
      const timer = setTimeout(() => {
        setState(quietly);
        void settle(mine);
      }, delayMs);
      return () => {
        clearTimeout(timer);
        requests.current++;
      };
    }
    return () => {
      // Unmounted, or the input changed: any answer still on its way is stale.
      requests.current++;
    };
  }, [settle, key, enabled, delayMs, round]);

  return { state, reload };
}
