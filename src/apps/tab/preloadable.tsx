import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A screen in its own chunk that can be fetched before it is first shown, rendered without
 * Suspense. React.lazy suspends on a screen's first render even when its code has already arrived
 * (the import's promise settles a tick later), and React then holds the fallback for its throttle
 * (300 ms in React 19) before it shows the screen: measured on the tab, the departures' Graph
 * requests left 420-470 ms after the sign-in click, 300 ms after their code was there. Here, a
 * loaded screen renders at once; one still on its way shows `fallback` and replaces it as soon as
 * it comes. A failed load is thrown to the error boundary, as React.lazy would, and the next
 * render or preload tries again.
 */
export const preloadable = <P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode,
): { Component: ComponentType<P>; preload: () => Promise<unknown> } => {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    );
    return loading;
  };
  const Component = (props: P) => {
    const [failure, setFailure] = useState<{ readonly error: unknown }>();
    const [, setArrived] = useState(false);
    useEffect(() => {
      if (loaded) return undefined;
      let live = true;
      preload().then(
        () => live && setArrived(true),
        (error: unknown) => live && setFailure({ error }),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failure) throw failure.error;
    const Screen = loaded;
    return Screen ? <Screen {...props} /> : <>{fallback}</>;
  };
  return { Component, preload };
};
