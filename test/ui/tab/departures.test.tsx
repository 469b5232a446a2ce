import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import type { PlanWizardProps } from '../../../src/apps/tab/WizardSlot';
import { Departures } from '../../../src/apps/tab/screens/Departures';
import type { Lang } from '../../../src/domain/types';
import { isoDate, planId } from '../../../src/domain/types';
import type { Departure, Receipt } from '../../../src/workflows/service';
import { claire, fakeService, hugo, lea, MemoryStore, nina, renderUi, settings, throttled } from '../../fixtures';

// The wizard is another helper's: stand in for it, and record what the screen hands it.
// No pause between keystrokes, and room for a loaded CI machine (jsdom + Fluent are slow).
const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(60_000);

const wizardCalls: PlanWizardProps[] = [];
jest.mock('../../../src/apps/tab/WizardSlot', () => ({
  PlanWizard: (props: PlanWizardProps) => {
    wizardCalls.push(props);
    return (
      <section aria-label="Fake wizard">
        <p>Planning with {props.leaver.displayName} before {props.lastWorkingDay}</p>
        <button onClick={() => props.onBooked({ planId: 'p1', objects: [], complete: true, missing: [] } as unknown as Receipt)}>book</button>
        <button onClick={props.onClose}>close</button>
      </section>
    );
  },
}));

const now = () => new Date(2026, 10, 25, 10, 0, 0); // 25 Nov 2026, local time

const hugoLeaving: Departure = { person: hugo, lastWorkingDay: isoDate('2026-12-18'), source: 'directReport', state: 'booked', planId: planId('p-h') };
const ninaNoDate: Departure = { person: nina, source: 'directReport', state: 'notPlanned' };

const show = (service = fakeService(), { lang = 'en' as Lang, store = new MemoryStore() } = {}) => {
  renderUi(<Departures service={service} lang={lang} store={store} now={now} />, { lang });
  return { service, store };
};

beforeEach(() => {
  wizardCalls.length = 0;
});

describe('Departures', () => {
  it('shows a labelled spinner while loading, then each departure with its last day and plan state', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const service = fakeService({ departures: () => gate.then(() => [ninaNoDate, hugoLeaving]) });
    show(service);
    expect(screen.getByRole('status')).toHaveTextContent('Loading departures…');
    release();
    const list = await screen.findByRole('list', { name: 'Departures' });
    const items = within(list).getAllByRole('listitem');
    // Only people actually leaving are departures; a report with no known last day sits apart.
    expect(items).toHaveLength(1);
    expect(screen.getByText('1 departure')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('Hugo Bernard');
    expect(items[0]).toHaveTextContent(/Last day: Friday,? 18 December 2026/);
    expect(items[0]).toHaveTextContent('Conversation booked');
    expect(items[0]).toHaveTextContent('Direct report');
    expect(within(items[0]!).queryByRole('button', { name: /Plan the exit conversation/ })).toBeNull();
    const others = within(screen.getByRole('list', { name: 'Other direct reports' })).getAllByRole('listitem');
    expect(others).toHaveLength(1);
    expect(others[0]).toHaveTextContent('Nina Petit');
    expect(others[0]).toHaveTextContent('Last day not known');
    expect(others[0]).toHaveTextContent('Not planned');
    expect(within(others[0]!).getByRole('button', { name: /Set the last day/ })).toBeInTheDocument();
  });

  it('has an empty state, in French, that leads to adding someone', async () => {
    show(fakeService(), { lang: 'fr' });
    const empty = await screen.findByRole('region', { name: 'Aucun départ pour le moment' });
    await userEvent.click(within(empty).getByRole('button', { name: 'Ajouter une personne sur le départ' }));
    expect(screen.getByRole('form', { name: 'Ajouter un départ' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Rechercher dans l'annuaire/ })).toBeInTheDocument();
  });

  it('shows a load failure with a retry that loads again', async () => {
    const service = fakeService();
    service.departures.mockRejectedValueOnce(throttled()).mockResolvedValueOnce([hugoLeaving]);
    show(service);
    expect(await screen.findByRole('alert')).toHaveTextContent('Microsoft 365 is busy. Please try again in a few moments.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hugo Bernard')).toBeInTheDocument();
    expect(service.departures).toHaveBeenCalledTimes(2);
  });

  it('adds someone from the directory with their last day, checking the fields, and remembers them in the mailbox', async () => {
    const { store, service } = show();
    await userEvent.click(await screen.findByRole('button', { name: 'Add someone who is leaving' }));
    const form = screen.getByRole('form', { name: 'Add a departure' });
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(form).toHaveTextContent('Choose the person who is leaving.');
    expect(form).toHaveTextContent('Enter the last working day.');

    await userEvent.type(within(form).getByRole('combobox'), 'léa');
    await screen.findByText('1 person found');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const date = within(form).getByLabelText(/Last working day/);
    await userEvent.type(date, '2026-11-20');
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(form).toHaveTextContent('The last working day must be today or later.');
    expect(form).not.toHaveTextContent('Choose the person who is leaving.');

    await userEvent.clear(date);
    await userEvent.type(date, '2027-01-29');
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent('Léa Dubois');
    expect(item).toHaveTextContent(/Last day: Friday,? 29 January 2027/);
    expect(item).toHaveTextContent('Added by you');
    // Kept in the manager's mailbox (the service), not in this browser.
    expect(store.data.size).toBe(0);
    await waitFor(() => expect(service.updateAddedDepartures).toHaveBeenCalledTimes(1));
    expect(await service.addedDepartures()).toEqual([{ person: { id: lea.id, displayName: lea.displayName, mail: lea.mail, jobTitle: lea.jobTitle }, lastWorkingDay: '2027-01-29' }]);
  });

  it('moves what an earlier version kept in localStorage into the mailbox once, then removes it; the mailbox keeps its own last day', async () => {
    const store = new MemoryStore();
    store.setItem('aurevoir.departures.v1:claire.martin@contoso.example', JSON.stringify([
      { person: lea, lastWorkingDay: '2027-01-29' },
      { person: nina, lastWorkingDay: '2027-02-26' },
    ]));
    const service = fakeService({}, [{ person: { id: nina.id, displayName: nina.displayName, mail: nina.mail }, lastWorkingDay: isoDate('2027-03-31') }]);
    show(service, { store });
    await screen.findByText(/Léa Dubois/);
    expect(service.updateAddedDepartures).toHaveBeenCalledTimes(1);
    expect(store.data.size).toBe(0);
    expect((await service.addedDepartures()).map((a) => [a.person.id, a.lastWorkingDay])).toEqual([[nina.id, '2027-03-31'], [lea.id, '2027-01-29']]);
  });

  it('opens the wizard with the manager, settings, leaver and last day, and shows the booking when it comes back', async () => {
    const store = new MemoryStore();
    store.setItem('aurevoir.departures.v1:claire.martin@contoso.example', JSON.stringify([{ person: lea, lastWorkingDay: '2027-01-29' }]));
    const service = fakeService();
    show(service, { store });
    await userEvent.click(await screen.findByRole('button', { name: 'Plan the exit conversation with Léa Dubois' }));
    expect(screen.getByText('Planning with Léa Dubois before 2027-01-29')).toBeInTheDocument();
    const props = wizardCalls.at(-1)!;
    expect(props.manager).toEqual(claire);
    expect(props.settings).toEqual(settings);
    expect(props.lang).toBe('en');
    expect(props.service).toBe(service);

    await userEvent.click(screen.getByRole('button', { name: 'book' }));
    await userEvent.click(screen.getByRole('button', { name: 'close' }));
    expect(screen.getByRole('heading', { name: 'Departures', level: 2 })).toHaveFocus();
    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent('Conversation booked');
    expect(screen.getByRole('status')).toHaveTextContent('Booked: the exit conversation with Léa Dubois is in your calendar.');
    await waitFor(() => expect(service.departures).toHaveBeenCalledTimes(2));
  });

  it('lets the manager give a direct report their last day when Graph has none, then plan', async () => {
    show(fakeService({ departures: () => Promise.resolve([ninaNoDate]) }));
    await userEvent.click(await screen.findByRole('button', { name: 'Set the last day of Nina Petit' }));
    const form = screen.getByRole('form', { name: 'Set the last day' });
    await userEvent.type(within(form).getByLabelText(/Last working day/), '2026-12-04');
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await screen.findByText(/Last day: Friday,? 4 December 2026/)).toBeInTheDocument();
    // Still a direct report: the hand-entered day fills Graph's gap, it does not duplicate the person.
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('Direct report')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Plan the exit conversation with Nina Petit' }));
    expect(wizardCalls.at(-1)!.lastWorkingDay).toBe('2026-12-04');
  });
});
