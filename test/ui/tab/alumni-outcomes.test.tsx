import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { Alumni } from '../../../src/apps/tab/screens/Alumni';
import type { OutcomeEntry } from '../../../src/domain/alumni';
import { isoDate } from '../../../src/domain/types';
import { alumnus, fakeService, renderUi } from '../../fixtures';

const at = new Date('2027-06-15T10:00:00');
const now = () => at;
const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

const o = (id: string, kind: OutcomeEntry['kind'], date: string, note = ''): OutcomeEntry => ({ id, kind, date: isoDate(date), note });

const ana = alumnus({ displayName: 'Ana Costa', outcomes: [o('a1', 'client', '2027-02-01', 'Contoso Bank signed'), o('a2', 'introducedUs', '2027-01-10')] });
const ben = alumnus({
  displayName: 'Ben Laurent',
  outcomes: [o('b1', 'referenceGiven', '2027-05-20')],
  consent: { givenAt: '2026-11-02T09:30:00.000Z', channel: 'tabWizard', lang: 'fr', text: 'Ben Laurent accepte que je conserve ces coordonnées pour garder le contact' },
});
const chloe = alumnus({ displayName: 'Chloé Garnier' });

const names = () => within(screen.getByRole('list', { name: 'Alumni' })).getAllByRole('article').map((a) => within(a).getAllByRole('heading')[0]!.textContent);
const card = (name: string) => screen.getAllByRole('article').find((a) => within(a).getAllByRole('heading')[0]!.textContent === name)!;

describe('Alumni: outcomes (issue 12)', () => {
  it('opens with a summary of what the network gave back and what we gave, by kind', async () => {
    renderUi(<Alumni service={fakeService({ listAlumni: () => Promise.resolve([ana, ben, chloe]) })} now={now} />);
    const summary = await screen.findByRole('region', { name: 'What the relationships gave' });
    expect(summary).toHaveTextContent('3 outcomes from 2 people');
    const groups = within(summary).getByRole('list', { name: 'Summary of outcomes' });
    expect(groups).toHaveTextContent('What they became (1)Became a client: 1');
    expect(groups).toHaveTextContent('What the network gave back (1)Introduced us to someone: 1');
    expect(groups).toHaveTextContent('What we gave (1)We gave a reference for them: 1');
  });

  it('the summary in French', async () => {
    renderUi(<Alumni service={fakeService({ listAlumni: () => Promise.resolve([ana, ben]) })} now={now} />, { lang: 'fr' });
    const summary = await screen.findByRole('region', { name: 'Ce que les relations ont apporté' });
    expect(summary).toHaveTextContent('3 suites pour 2 personnes');
    expect(summary).toHaveTextContent('Ce que le réseau nous a rendu (1)');
    expect(summary).toHaveTextContent('Devenu client : 1');
  });

  it('filters by outcome and sorts by the most recent one', async () => {
    renderUi(<Alumni service={fakeService({ listAlumni: () => Promise.resolve([chloe, ana, ben]) })} now={now} />);
    await screen.findByRole('list', { name: 'Alumni' });
    expect(names()).toEqual(['Ana Costa', 'Ben Laurent', 'Chloé Garnier']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Became a client');
    expect(names()).toEqual(['Ana Costa']);
    expect(screen.getByText('1 person shown')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'With an outcome');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Most recent outcome');
    expect(names()).toEqual(['Ben Laurent', 'Ana Costa']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Rehired');
    expect(screen.getByText('Nobody matches this filter.')).toBeInTheDocument();
  });

  it('logs an outcome from the keyboard: kind, date, note; the list refreshes', async () => {
    const service = fakeService({ addOutcome: () => Promise.resolve([]), removeOutcome: () => Promise.resolve([]) });
    service.listAlumni.mockResolvedValueOnce([chloe]).mockResolvedValueOnce([{ ...chloe, outcomes: [o('c1', 'partner', '2027-06-01', 'Joint offer')] }]);
    renderUi(<Alumni service={service} now={now} />);
    const add = await screen.findByRole('button', { name: 'Log an outcome for Chloé Garnier' });
    add.focus();
    await userEvent.keyboard('{Enter}');
    const form = screen.getByRole('form', { name: 'New outcome for Chloé Garnier' });
    // The kind gets focus first.
    expect(within(form).getByRole('combobox', { name: 'What happened' })).toHaveFocus();
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'What happened' }), 'Became a partner');
    const date = within(form).getByLabelText(/When/);
    expect(date).toHaveValue('2027-06-15');
    await userEvent.clear(date);
    await userEvent.type(date, '2027-06-01');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Note (optional)' }), '  Joint offer ');
    await userEvent.click(within(form).getByRole('button', { name: 'Save outcome' }));
    expect(service.addOutcome).toHaveBeenCalledWith({ contactId: chloe.contactId, kind: 'partner', date: '2027-06-01', note: 'Joint offer' });
    expect(await screen.findByText('Became a partner · Tuesday, 1 June 2027')).toBeInTheDocument();
    expect(screen.getByText('Joint offer')).toBeInTheDocument();
    expect(screen.getByText('Outcome saved for Chloé Garnier.')).toBeInTheDocument();
  });

  it('refuses an empty date and removes an entry by its own labelled button', async () => {
    const service = fakeService({ addOutcome: () => Promise.resolve([]), removeOutcome: () => Promise.resolve([]) });
    service.listAlumni.mockResolvedValue([ana]);
    renderUi(<Alumni service={service} now={now} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log an outcome for Ana Costa' }));
    await userEvent.clear(screen.getByLabelText(/When/));
    await userEvent.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(screen.getByText('Pick a date.')).toBeInTheDocument();
    expect(service.addOutcome).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove “Became a client” of Monday, 1 February 2027' }));
    expect(service.removeOutcome).toHaveBeenCalledWith({ contactId: ana.contactId, outcomeId: 'a1' });
  });

  it('shows the consent on the card, quoted in its own language', async () => {
    renderUi(<Alumni service={fakeService({ listAlumni: () => Promise.resolve([ben, chloe]) })} now={now} />);
    await screen.findByRole('list', { name: 'Alumni' });
    const note = within(card('Ben Laurent')).getByTestId('consent-note');
    expect(note).toHaveTextContent('Agreed on 2 Nov 2026 (when booking in Teams): Ben Laurent accepte que je conserve');
    expect(note.querySelector('q')).toHaveAttribute('lang', 'fr');
    expect(within(card('Chloé Garnier')).getByTestId('consent-note')).toHaveTextContent('Consent was not recorded');
  });

  it('Forget names what will go, and says what is left after a partial failure; Forget again finishes', async () => {
    const service = fakeService({
      forgetPreview: () => Promise.resolve({ contacts: 1, photo: true, events: 5, outcomes: 2 }),
      forgetPerson: () => Promise.resolve({ removed: { contacts: 0, events: 5 }, left: { contacts: 1, events: 0 }, complete: false }),
    });
    service.listAlumni.mockResolvedValueOnce([ana]).mockResolvedValueOnce([]);
    renderUi(<Alumni service={service} now={now} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Forget Ana Costa' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Forget Ana Costa?' });
    const items = within(await within(dialog).findByTestId('forget-list')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'the contact, with their personal details',
      'their photo',
      '5 calendar items of this plan (reminders, the conversation, the yearly check)',
      'the outcome log (2 entries)',
    ]);
    // Keep: nothing is deleted.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep' }));
    expect(service.forgetPerson).not.toHaveBeenCalled();

    await userEvent.click(await screen.findByRole('button', { name: 'Forget Ana Costa' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Forget' }));
    expect(await screen.findByText(/Still in your mailbox: the contact\. Forget again to finish\./)).toBeInTheDocument();
    (service.forgetPerson as jest.Mock).mockResolvedValueOnce({ removed: { contacts: 1, events: 0 }, left: { contacts: 0, events: 0 }, complete: true });
    await userEvent.click(await screen.findByRole('button', { name: 'Forget again' }));
    expect(await screen.findByText('Ana Costa was forgotten: nothing of theirs is left in your mailbox.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    expect(service.forgetPerson).toHaveBeenCalledTimes(2);
    expect(service.forgetPerson).toHaveBeenCalledWith(ana.planId);
  });
});
