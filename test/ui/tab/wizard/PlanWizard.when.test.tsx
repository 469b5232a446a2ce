import { act, screen, waitFor, within } from '@testing-library/react';
jest.setTimeout(30_000);
import userEvent from '@testing-library/user-event';
import { AppError } from '../../../../src/domain/errors';
import type { SlotCheck, SlotSuggestion } from '../../../../src/workflows/service';
import { SLOTS, deferred, fakeService, slot } from '../../../fixtures';
import { renderWizard } from '../../../fixtures/wizard';

describe('PlanWizard — When', () => {
  it('shows the usable suggestions in the manager’s zone and language, and moves on once one is chosen', async () => {
    const user = userEvent.setup();
    const { service } = renderWizard();
    expect(screen.getByText(/Looking for times that suit you both/)).toBeInTheDocument();
    // Saturday, after the last day and 19:00 are dropped; the two good ones stay, in Paris time.
    const options = await screen.findAllByRole('radio', { name: /December/ });
    expect(options.map((o) => o.getAttribute('value'))).toEqual(['2026-12-03T09:00:00Z', '2026-12-07T13:30:00Z']);
    expect(screen.getByRole('radio', { name: /Thursday 3 December at 10:00 · 45 min/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Monday 7 December at 14:30 · 45 min/ })).toBeInTheDocument();
    expect(service.suggestSlots).toHaveBeenCalledWith(
      expect.objectContaining({ attendeeEmail: 'emilie.laurent@contoso.example', before: '2026-12-18', durationMinutes: 45 }),
    );

    // Next without a time stays on the step and says why.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Choose a time to continue.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /Thursday 3 December/ }));
    expect(screen.getByText(/Chosen: Thursday 3 December/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const heading = screen.getByRole('heading', { name: 'Agenda', level: 3 });
    expect(heading).toHaveFocus();
    expect(screen.getByText('Step 2 of 5: Agenda')).toBeInTheDocument();
  });

  it('asks again for slots when the length changes', async () => {
    const user = userEvent.setup();
    const { service } = renderWizard();
    await screen.findByRole('radio', { name: /Thursday 3 December/ });
    await user.click(screen.getByRole('radio', { name: '90 min' }));
    await waitFor(() => expect(service.suggestSlots).toHaveBeenLastCalledWith(expect.objectContaining({ durationMinutes: 90 })));
  });

  it('says so when no time is free, and lets the manager type one checked against both calendars', async () => {
    const user = userEvent.setup();
    const service = fakeService({
      suggestSlots: jest.fn(async () => []),
      checkSlot: jest.fn(async () => ({ free: false, busy: ['Émilie Laurent'], unknown: [] })),
    });
    renderWizard({ service });
    expect(await screen.findByText(/No free time found before the last day/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Date'), '2026-12-10');
    await user.type(screen.getByLabelText(/Start time/), '15:00');
    await user.click(screen.getByRole('button', { name: 'Check availability' }));
    expect(await screen.findByText('Busy then: Émilie Laurent. You can still book it.')).toBeInTheDocument();
    expect(service.checkSlot).toHaveBeenCalledWith({
      attendeeEmail: 'emilie.laurent@contoso.example',
      start: '2026-12-10T15:00:00+01:00',
      end: '2026-12-10T15:45:00+01:00',
    });
    expect(screen.getByText(/Chosen: Thursday 10 December at 15:00/)).toBeInTheDocument();
  });

  it.each([
    ['en', 'Date', /Start time/, 'Check availability', 'Could not see whether emilie.laurent@contoso.example is free then: check with them. You can still book it.', 'You are both free then.'],
    ['fr', 'Date', /Heure de début/, 'Vérifier les disponibilités', 'Impossible de voir si emilie.laurent@contoso.example est disponible à ce moment-là : vérifiez avec cette personne. Vous pouvez quand même le réserver.', 'Vous êtes libres tous les deux.'],
  ] as const)('in %s, a calendar that could not be read is shown as unknown, never as free', async (lang, dateLabel, timeLabel, checkLabel, unknownText, freeText) => {
    const user = userEvent.setup();
    const service = fakeService({
      suggestSlots: jest.fn(async () => []),
      checkSlot: jest.fn(async () => ({ free: false, busy: [], unknown: ['emilie.laurent@contoso.example'] })),
    });
    renderWizard({ service, lang });
    await user.type(screen.getByLabelText(dateLabel), '2026-12-10');
    await user.type(screen.getByLabelText(timeLabel), '15:00');
    await user.click(screen.getByRole('button', { name: checkLabel }));
    expect(await screen.findByText(unknownText)).toBeInTheDocument();
    expect(screen.queryByText(freeText)).not.toBeInTheDocument();
  });

  it('warns about a typed time after the last day without asking the calendars', async () => {
    const user = userEvent.setup();
    const service = fakeService();
    renderWizard({ service });
    await user.type(screen.getByLabelText('Date'), '2026-12-22');
    await user.type(screen.getByLabelText(/Start time/), '10:00');
    await user.click(screen.getByRole('button', { name: 'Check availability' }));
    expect(screen.getByText('This is after the last working day.')).toBeInTheDocument();
    expect(service.checkSlot).not.toHaveBeenCalled();
  });

  it('shows a suggestion failure in the UI language and retries on demand', async () => {
    const user = userEvent.setup();
    const suggestSlots = jest
      .fn()
      .mockRejectedValueOnce(new AppError({ code: 'graph.throttled' }))
      .mockResolvedValueOnce([]);
    renderWizard({ lang: 'fr', service: fakeService({ suggestSlots }) });
    expect(await screen.findByText('Microsoft 365 est très sollicité. Réessayez dans quelques instants.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText(/Aucun créneau libre avant le dernier jour/)).toBeInTheDocument();
    expect(suggestSlots).toHaveBeenCalledTimes(2);
  });

  it('asks for the place when the meeting is not on Teams', async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.click(screen.getByRole('radio', { name: 'Over lunch' }));
    const place = screen.getByRole('textbox', { name: /Place/ });
    expect(place).toBeRequired();
    const group = screen.getByRole('radiogroup', { name: 'Where' });
    expect(within(group).getByRole('radio', { name: 'Over lunch' })).toBeChecked();
  });

  it.each(['the earlier one', 'the later one'] as const)(
    'drops the suggestions for a length changed while they were on their way (%s comes back first)',
    async (first) => {
      const user = userEvent.setup();
      const asked: { minutes: number; answer: ReturnType<typeof deferred<SlotSuggestion[]>> }[] = [];
      const suggestSlots = jest.fn((q: { durationMinutes: number }) => {
        const answer = deferred<SlotSuggestion[]>();
        asked.push({ minutes: q.durationMinutes, answer });
        return answer.promise;
      });
      renderWizard({ service: fakeService({ suggestSlots }) });
      await user.click(screen.getByRole('radio', { name: '90 min' }));
      expect(asked.map((a) => a.minutes)).toEqual([45, 90]);
      // For 90 minutes, only Friday 4 December 10:00–11:30 in Paris is free; the 45-minute answer has other days.
      const for45 = () => asked[0]!.answer.resolve([...SLOTS]);
      const for90 = () => asked[1]!.answer.resolve([slot('2026-12-04T09:00:00Z', '2026-12-04T10:30:00Z')]);
      if (first === 'the earlier one') {
        await act(async () => for45());
        expect(screen.getByText(/Looking for times that suit you both/)).toBeInTheDocument();
        await act(async () => for90());
      } else {
        await act(async () => for90());
        await act(async () => for45());
      }
      expect(await screen.findByRole('radio', { name: /Friday 4 December at 10:00 · 90 min/ })).toBeInTheDocument();
      expect(screen.queryByRole('radio', { name: /3 December|7 December/ })).toBeNull();
    },
  );

  it('drops a check whose date was changed while its answer was on its way: that time is not chosen', async () => {
    const user = userEvent.setup();
    const answers: ReturnType<typeof deferred<SlotCheck>>[] = [];
    const checkSlot = jest.fn(() => {
      const answer = deferred<SlotCheck>();
      answers.push(answer);
      return answer.promise;
    });
    renderWizard({ service: fakeService({ suggestSlots: jest.fn(async () => []), checkSlot }) });
    const date = screen.getByLabelText('Date');
    await user.type(date, '2026-12-10');
    await user.type(screen.getByLabelText(/Start time/), '15:00');
    await user.click(screen.getByRole('button', { name: 'Check availability' }));
    expect(screen.getByText('Checking both calendars…')).toBeInTheDocument();

    await user.clear(date);
    await user.type(date, '2026-12-11');
    await act(async () => answers[0]!.resolve({ free: true, busy: [], unknown: [] }));
    expect(screen.queryByText('You are both free then.')).toBeNull();
    expect(screen.getByText('No time chosen yet.')).toBeInTheDocument();

    // Asked again, the new date's answer is shown and chosen.
    await user.click(screen.getByRole('button', { name: 'Check availability' }));
    expect(checkSlot).toHaveBeenLastCalledWith(expect.objectContaining({ start: '2026-12-11T15:00:00+01:00' }));
    await act(async () => answers[1]!.resolve({ free: true, busy: [], unknown: [] }));
    expect(screen.getByText('You are both free then.')).toBeInTheDocument();
    expect(screen.getByText(/Chosen: Friday 11 December at 15:00/)).toBeInTheDocument();
  });
});
