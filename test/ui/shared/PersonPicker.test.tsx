/**
 * The person picker's answers as the user sees them: a slow answer to an earlier query never replaces
 * the answer to what is typed now, and changing a chosen name un-chooses it.
 */
import { screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { PersonPicker } from '../../../src/ui';
import type { Person } from '../../../src/workflows/service';
import { deferred, fakeService, hugo, lea } from '../../fixtures';
import { renderUi } from '../../fixtures';

const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

describe('PersonPicker answers', () => {
  it('shows the answer to the latest query even when an earlier one comes back after it', async () => {
    const answers: ReturnType<typeof deferred<readonly Person[]>>[] = [];
    const service = fakeService();
    service.searchPeople.mockImplementation(() => {
      const d = deferred<readonly Person[]>();
      answers.push(d);
      return d.promise;
    });
    renderUi(<PersonPicker service={service} onSelect={jest.fn()} />);
    const box = screen.getByRole('combobox', { name: /Search the directory/ });
    await userEvent.type(box, 'le');
    await waitFor(() => expect(service.searchPeople).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Searching…')).toBeInTheDocument();
    await userEvent.type(box, 'a');
    await waitFor(() => expect(service.searchPeople).toHaveBeenCalledTimes(2));
    expect(service.searchPeople).toHaveBeenLastCalledWith('lea');

    answers[1]!.resolve([lea]);
    expect(await screen.findByText('1 person found')).toBeInTheDocument();
    answers[0]!.resolve([hugo, lea]);
    await userEvent.keyboard('{ArrowDown}');
    expect(await screen.findByRole('option', { name: /Léa Dubois/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Hugo Bernard/ })).toBeNull();
    expect(screen.getByText('1 person found')).toBeInTheDocument();
  });

  it('after a choice, asks nothing more; typing over the chosen name un-chooses it and searches again', async () => {
    const service = fakeService();
    const onSelect = jest.fn();
    renderUi(<PersonPicker service={service} onSelect={onSelect} />);
    const box = screen.getByRole('combobox');
    await userEvent.type(box, 'hu');
    expect(await screen.findByText('1 person found')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(hugo);
    expect(screen.queryByText('1 person found')).toBeNull();
    expect(service.searchPeople).toHaveBeenCalledTimes(1);

    await userEvent.type(box, '{Backspace}');
    expect(onSelect).toHaveBeenLastCalledWith(undefined);
    expect(await screen.findByText('1 person found')).toBeInTheDocument();
    expect(service.searchPeople).toHaveBeenLastCalledWith('Hugo Bernar');
  });
});
