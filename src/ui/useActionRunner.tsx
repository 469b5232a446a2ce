import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { ErrorBanner } from './ErrorBanner';

export interface ActionRunner {
  /** True while an action runs: the buttons that start one are disabled meanwhile. */
  readonly busy: boolean;
  /** What the last action threw (shown by `ActionStatus` with Try again), or undefined. */
  readonly error: unknown;
  /** The sentence announced after the last action succeeded, or ''. */
  readonly done: string;
  /**
   * Runs `action`; on success announces `doneText` and calls `onSuccess` (closing a form, say).
   * Resolves to whether it succeeded. A failure is kept in `error`, never thrown.
   */
  readonly run: (action: () => Promise<void>, doneText: string, onSuccess?: () => void) => Promise<boolean>;
  /** Runs the last action again, with the same text and the same `onSuccess`. */
  readonly retry: () => void;
  readonly dismiss: () => void;
}

interface Call {
  readonly action: () => Promise<void>;
  readonly doneText: string;
  readonly onSuccess?: () => void;
}

/**
 * The buttons of a card (Reconnected, Snooze, Stop; log or remove an outcome) all write to the mailbox
 * the same way: one at a time, the others disabled meanwhile, a spoken sentence when it is done, and an
 * error with Try again that repeats exactly what failed. Shown by `ActionStatus`.
 */
export const useActionRunner = (): ActionRunner => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const last = useRef<Call>(undefined);

  const attempt = useCallback(async ({ action, doneText, onSuccess }: Call): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await action();
      setDone(doneText);
      onSuccess?.();
      return true;
    } catch (e: unknown) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const run = useCallback(
    (action: () => Promise<void>, doneText: string, onSuccess?: () => void) => {
      last.current = { action, doneText, ...(onSuccess ? { onSuccess } : {}) };
      return attempt(last.current);
    },
    [attempt],
  );
  const retry = useCallback(() => {
    if (last.current) void attempt(last.current);
  }, [attempt]);
  const dismiss = useCallback(() => setError(undefined), []);

  return { busy, error, done, run, retry, dismiss };
};

const useStyles = makeStyles({
  done: { color: tokens.colorPaletteGreenForeground1 },
});

export interface ActionStatusProps {
  readonly runner: ActionRunner;
  /** What the spinner says while an action runs ("Saving…"), in the caller's catalogue. */
  readonly workingLabel: string;
}

/** A runner's state for everyone: the spinner and the done sentence in a live region, then the error. */
export const ActionStatus = ({ runner, workingLabel }: ActionStatusProps) => {
  const styles = useStyles();
  return (
    <>
      <div aria-live="polite" role="status">
        {runner.busy ? <Spinner size="tiny" label={workingLabel} /> : null}
        {runner.done ? <Text className={styles.done}>{runner.done}</Text> : null}
      </div>
      {runner.error !== undefined ? <ErrorBanner error={runner.error} onRetry={runner.retry} onDismiss={runner.dismiss} /> : null}
    </>
  );
};
