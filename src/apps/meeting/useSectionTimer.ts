import { useEffect, useEffectEvent } from 'react';

/**
 * Counts the seconds spent in section `index` while `running`: from `from()` (the seconds already spent
 * there, read when the clock starts), by wall-clock time since it started (not ticks, which a busy machine
 * or a background tab delays). `onSecond(index, current, previous)` is called about once a second.
 *
 * The clock starts, stops and restarts only when `running` or `index` changes: `from`, `now` and
 * `onSecond` are read when needed, so a new function on every render (each keystroke in the notes)
 * neither restarts it nor loses a second.
 */
export const useSectionTimer = (
  running: boolean,
  index: number,
  from: () => number,
  now: () => Date,
  onSecond: (index: number, current: number, previous: number) => void,
): void => {
  const startingAt = useEffectEvent(from);
  const clock = useEffectEvent(() => now().getTime());
  const second = useEffectEvent(onSecond);
  useEffect(() => {
    if (!running) return undefined;
    const startedAt = clock();
    const base = startingAt();
    let previous = base;
    const id = setInterval(() => {
      const current = base + Math.floor((clock() - startedAt) / 1000);
      second(index, current, previous);
      previous = current;
    }, 1000);
    return () => clearInterval(id);
  }, [running, index]);
};
