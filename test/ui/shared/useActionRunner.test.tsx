import { act, screen } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { useState } from 'react';
import { ActionStatus, useActionRunner } from '../../../src/ui/useActionRunner';
import { deferred, renderUi, throttled } from '../../fixtures';

const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

/** A form that closes itself on success, as the alumni card's note form does. */
const Probe = ({ action }: { action: () => Promise<void> }) => {
  const runner = useActionRunner();
  const [open, setOpen] = useState(true);
  return (
    <div>
      <p>{open ? 'form open' : 'form closed'}</p>
      <button disabled={runner.busy} onClick={() => void runner.run(action, 'Saved.', () => setOpen(false))}>
        save
      </button>
      <ActionStatus runner={runner} workingLabel="Saving…" />
    </div>
  );
};

describe('useActionRunner', () => {
  it('disables the action while it runs, then announces it and runs what follows a success', async () => {
    const pending = deferred<void>();
    const action = jest.fn(() => pending.promise);
    renderUi(<Probe action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(screen.getByRole('button', { name: 'save' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');
    expect(screen.getByText('form open')).toBeInTheDocument();

    await act(async () => pending.resolve());
    expect(screen.getByRole('status')).toHaveTextContent('Saved.');
    expect(screen.getByText('form closed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'save' })).toBeEnabled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failure in the UI language; Try again repeats the same action, and its success closes the form', async () => {
    const first = deferred<void>();
    const action = jest.fn<Promise<void>, []>().mockImplementationOnce(() => first.promise).mockResolvedValueOnce(undefined);
    renderUi(<Probe action={action} />, { lang: 'fr' });
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    await act(async () => first.reject(throttled()));
    expect(screen.getByRole('alert')).toHaveTextContent('Microsoft 365 est très sollicité.');
    expect(screen.getByRole('status')).not.toHaveTextContent('Saved.');
    expect(screen.getByText('form open')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(action).toHaveBeenCalledTimes(2);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('form closed')).toBeInTheDocument();
  });

  it('a new action clears the last one’s sentence and error; a dismissed error goes away', async () => {
    const action = jest.fn<Promise<void>, []>().mockRejectedValueOnce(throttled()).mockResolvedValueOnce(undefined).mockRejectedValueOnce(throttled());
    renderUi(<Probe action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByText('Saved.')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
