import { act, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { useLoad } from '../../../src/ui/useLoad';
import { deferred } from '../../fixtures';

type Pending = ReturnType<typeof deferred<string>>;

/** Shows what a user sees of a load: a spinner, an error, or the data (marked while a quiet reload runs). */
const Probe = ({ next }: { next: () => Promise<string> }) => {
  const { state, reload } = useLoad(next);
  return (
    <div>
      <p data-testid="shown">
        {state.status === 'loading' ? 'loading' : state.status === 'error' ? `error: ${String(state.error)}` : `${state.data}${state.refreshing ? ' (refreshing)' : ''}`}
      </p>
      <button onClick={() => void reload()}>reload</button>
      <button onClick={() => void reload(true)}>quiet</button>
    </div>
  );
};

/** Each call to the loader gets its own answer, settled by the test in any order. */
const loader = () => {
  const calls: Pending[] = [];
  const next = () => {
    const d = deferred<string>();
    calls.push(d);
    return d.promise;
  };
  return { calls, next };
};

const shown = () => screen.getByTestId('shown').textContent;
const settle = async (f: () => void) => act(async () => f());

describe('useLoad', () => {
  it('shows loading, then the data; a failed load shows its error', async () => {
    const l = loader();
    render(<Probe next={l.next} />);
    expect(shown()).toBe('loading');
    await settle(() => l.calls[0]!.resolve('first'));
    expect(shown()).toBe('first');

    await act(async () => screen.getByText('reload').click());
    expect(shown()).toBe('loading');
    await settle(() => l.calls[1]!.reject('offline'));
    expect(shown()).toBe('error: offline');
  });

  it('a quiet reload keeps the data on screen until the new answer replaces it', async () => {
    const l = loader();
    render(<Probe next={l.next} />);
    await settle(() => l.calls[0]!.resolve('before'));
    await act(async () => screen.getByText('quiet').click());
    expect(shown()).toBe('before (refreshing)');
    await settle(() => l.calls[1]!.resolve('after'));
    expect(shown()).toBe('after');
  });

  it('an answer that comes back after a newer request is dropped, whichever finishes first', async () => {
    const l = loader();
    render(<Probe next={l.next} />);
    await act(async () => screen.getByText('reload').click());
    await settle(() => l.calls[1]!.resolve('newer'));
    await settle(() => l.calls[0]!.resolve('older, late'));
    expect(shown()).toBe('newer');
    await settle(() => l.calls[0]!.reject('older failed too'));
    expect(shown()).toBe('newer');
  });

  it('uses the latest loader a render gave it, without reloading by itself', async () => {
    const a = loader();
    const b = loader();
    const Host = () => {
      const [useB, setUseB] = useState(false);
      return (
        <>
          <button onClick={() => setUseB(true)}>swap</button>
          <Probe next={useB ? b.next : a.next} />
        </>
      );
    };
    render(<Host />);
    await settle(() => a.calls[0]!.resolve('from a'));
    await act(async () => screen.getByText('swap').click());
    expect(b.calls).toHaveLength(0);
    await act(async () => screen.getByText('reload').click());
    expect(a.calls).toHaveLength(1);
    await settle(() => b.calls[0]!.resolve('from b'));
    expect(shown()).toBe('from b');
  });

  it('drops answers after unmount, and under StrictMode only the remounted request counts', async () => {
    const l = loader();
    const { unmount } = render(
      <StrictMode>
        <Probe next={l.next} />
      </StrictMode>,
    );
    expect(l.calls).toHaveLength(2);
    await settle(() => l.calls[1]!.resolve('current'));
    await settle(() => l.calls[0]!.resolve('stale, from the first mount'));
    expect(shown()).toBe('current');
    await act(async () => screen.getByText('reload').click());
    unmount();
    const errors = jest.spyOn(console, 'error');
    await settle(() => l.calls[2]!.resolve('after unmount'));
    expect(errors).not.toHaveBeenCalled();
  });

  describe('with inputs', () => {
    /** Asks for the data of one length; the test changes the length as a user would. */
    const Asking = ({ calls }: { calls: { minutes: number; d: Pending }[] }) => {
      const [minutes, setMinutes] = useState(45);
      const { state } = useLoad(() => {
        const d = deferred<string>();
        calls.push({ minutes, d });
        return d.promise;
      }, { inputs: [minutes] });
      return (
        <div>
          <p data-testid="shown">{state.status === 'loading' ? 'loading' : state.status === 'error' ? 'error' : state.data}</p>
          <button onClick={() => setMinutes(90)}>90</button>
          <button onClick={() => setMinutes((m) => m)}>same</button>
        </div>
      );
    };

    it('asks again when an input changes, with the new value, and shows loading instead of the old data', async () => {
      const calls: { minutes: number; d: Pending }[] = [];
      render(<Asking calls={calls} />);
      await settle(() => calls[0]!.d.resolve('45 min slots'));
      expect(shown()).toBe('45 min slots');
      await act(async () => screen.getByText('same').click());
      expect(calls).toHaveLength(1);
      await act(async () => screen.getByText('90').click());
      expect(calls.map((c) => c.minutes)).toEqual([45, 90]);
      expect(shown()).toBe('loading');
      await settle(() => calls[1]!.d.resolve('90 min slots'));
      expect(shown()).toBe('90 min slots');
    });

    it('drops the answer for the earlier input when it comes back late, whichever finishes first', async () => {
      const calls: { minutes: number; d: Pending }[] = [];
      render(<Asking calls={calls} />);
      await act(async () => screen.getByText('90').click());
      expect(calls.map((c) => c.minutes)).toEqual([45, 90]);
      await settle(() => calls[0]!.d.resolve('45 min slots, late'));
      expect(shown()).toBe('loading');
      await settle(() => calls[1]!.d.resolve('90 min slots'));
      await settle(() => calls[0]!.d.reject('45 failed, later still'));
      expect(shown()).toBe('90 min slots');
    });
  });
});

/** A search-like use: reloads when `query` changes, after `delayMs`, and not at all for a short query. */
const Keyed = ({ next, query, delayMs }: { next: (q: string) => Promise<string>; query: string; delayMs?: number }) => {
  const { state, reload } = useLoad(() => next(query), { key: query, enabled: query.length >= 2, ...(delayMs !== undefined ? { delayMs } : {}) });
  return (
    <div>
      <p data-testid="shown">
        {state.status === 'idle'
          ? 'idle'
          : state.status === 'loading'
            ? 'loading'
            : state.status === 'error'
              ? `error: ${String(state.error)}${state.data !== undefined ? ` (still showing ${state.data})` : ''}`
              : `${state.data}${state.refreshing ? ' (refreshing)' : ''}`}
      </p>
      <button onClick={() => void reload()}>reload</button>
    </div>
  );
};

/** Like `loader`, but remembers what each call asked for. */
const searcher = () => {
  const calls: { q: string; answer: Pending }[] = [];
  const next = (q: string) => {
    const answer = deferred<string>();
    calls.push({ q, answer });
    return answer.promise;
  };
  return { calls, next };
};

describe('useLoad with a key', () => {
  afterEach(() => jest.useRealTimers());

  it('loads again, quietly, when the key changes, and drops the old key’s late answer', async () => {
    const s = searcher();
    const { rerender } = render(<Keyed next={s.next} query="ab" />);
    await settle(() => s.calls[0]!.answer.resolve('for ab'));
    rerender(<Keyed next={s.next} query="abc" />);
    expect(s.calls.map((c) => c.q)).toEqual(['ab', 'abc']);
    expect(shown()).toBe('for ab (refreshing)');
    rerender(<Keyed next={s.next} query="abcd" />);
    await settle(() => s.calls[2]!.answer.resolve('for abcd'));
    await settle(() => s.calls[1]!.answer.resolve('for abc, late'));
    expect(shown()).toBe('for abcd');
  });

  it('with a delay, a key typed quickly costs one load, and the state changes only when it starts', async () => {
    jest.useFakeTimers();
    const s = searcher();
    const { rerender } = render(<Keyed next={s.next} query="ab" delayMs={300} />);
    // The first load does not wait.
    expect(s.calls.map((c) => c.q)).toEqual(['ab']);
    await settle(() => s.calls[0]!.answer.resolve('for ab'));
    rerender(<Keyed next={s.next} query="abc" delayMs={300} />);
    act(() => jest.advanceTimersByTime(299));
    rerender(<Keyed next={s.next} query="abcd" delayMs={300} />);
    act(() => jest.advanceTimersByTime(299));
    expect(s.calls).toHaveLength(1);
    expect(shown()).toBe('for ab');
    act(() => jest.advanceTimersByTime(1));
    expect(s.calls.map((c) => c.q)).toEqual(['ab', 'abcd']);
    expect(shown()).toBe('for ab (refreshing)');
    await settle(() => s.calls[1]!.answer.resolve('for abcd'));
    expect(shown()).toBe('for abcd');
  });

  it('while disabled asks nothing, shows idle and drops an answer on its way; enabled again, it waits for the delay', async () => {
    jest.useFakeTimers();
    const s = searcher();
    const { rerender } = render(<Keyed next={s.next} query="a" delayMs={300} />);
    act(() => jest.advanceTimersByTime(1000));
    expect(s.calls).toHaveLength(0);
    expect(shown()).toBe('idle');

    rerender(<Keyed next={s.next} query="ab" delayMs={300} />);
    expect(shown()).toBe('idle');
    act(() => jest.advanceTimersByTime(300));
    expect(shown()).toBe('loading');
    rerender(<Keyed next={s.next} query="a" delayMs={300} />);
    expect(shown()).toBe('idle');
    await settle(() => s.calls[0]!.answer.resolve('for ab, too late'));
    expect(shown()).toBe('idle');
    expect(s.calls).toHaveLength(1);
  });

  it('a failed quiet load keeps the data next to the error; the next quiet load shows it while it runs', async () => {
    const s = searcher();
    const { rerender } = render(<Keyed next={s.next} query="ab" />);
    await settle(() => s.calls[0]!.answer.resolve('for ab'));
    rerender(<Keyed next={s.next} query="abc" />);
    await settle(() => s.calls[1]!.answer.reject('busy'));
    expect(shown()).toBe('error: busy (still showing for ab)');
    rerender(<Keyed next={s.next} query="abcd" />);
    expect(shown()).toBe('for ab (refreshing)');
    // A reload that is not quiet starts from nothing, and its failure has no data to keep.
    await act(async () => screen.getByText('reload').click());
    expect(shown()).toBe('loading');
    await settle(() => s.calls[3]!.answer.reject('still busy'));
    expect(shown()).toBe('error: still busy');
  });
});
