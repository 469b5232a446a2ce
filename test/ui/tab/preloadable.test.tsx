import { act, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { preloadable } from '../../../src/apps/tab/preloadable';

const Screen = ({ who }: { who: string }) => <p>Hello {who}</p>;

class Boundary extends Component<{ children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{String(this.state.error)}</p> : this.props.children;
  }
}

test('a preloaded screen shows in the very first render, with no loading state', async () => {
  const p = preloadable(() => Promise.resolve(Screen), <p>loading</p>);
  await p.preload();
  render(<p.Component who="Claire" />);
  // Synchronously: nothing awaited between render and this line.
  expect(screen.getByText('Hello Claire')).toBeInTheDocument();
  expect(screen.queryByText('loading')).toBeNull();
});

test('a screen still on its way shows the fallback, then itself, loading its code once', async () => {
  let arrive: (c: typeof Screen) => void = () => undefined;
  const load = jest.fn(() => new Promise<typeof Screen>((r) => (arrive = r)));
  const p = preloadable(load, <p>loading</p>);
  void p.preload();
  render(<p.Component who="Claire" />);
  expect(screen.getByText('loading')).toBeInTheDocument();
  await act(async () => arrive(Screen));
  expect(screen.getByText('Hello Claire')).toBeInTheDocument();
  expect(load).toHaveBeenCalledTimes(1);
});

test('a failed load reaches the error boundary, and the next render loads again', async () => {
  const load = jest.fn<Promise<typeof Screen>, []>().mockRejectedValueOnce(new Error('chunk lost')).mockResolvedValue(Screen);
  const p = preloadable(load, <p>loading</p>);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const first = render(
    <Boundary>
      <p.Component who="Claire" />
    </Boundary>,
  );
  expect(await screen.findByRole('alert')).toHaveTextContent('chunk lost');
  first.unmount();
  render(<p.Component who="Claire" />);
  expect(await screen.findByText('Hello Claire')).toBeInTheDocument();
  expect(load).toHaveBeenCalledTimes(2);
});
