/**
 * The Outlook task pane against office-addin-mock: the exact Office.js calls it makes on the item
 * (subject, HTML body, attendees, categories) in English and French, with and without Outlook's
 * Teams block, and what the user sees when their Outlook lacks a requirement set.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import user from '@testing-library/user-event';
import '../../../src/apps/addin/strings';
import { TaskPane } from '../../../src/apps/addin/TaskPane';
import { langFromLocale } from '../../../src/domain/lang';
import { missingRequirements, officeMailItem } from '../../../src/hosts/office';
import type { AuRevoirService } from '../../../src/workflows/service';
import { TEAMS_BLOCK, outlookMock, type OutlookMock } from './outlook-mock';
import { addinService, fixedPlanId, renderUi, sarah, sarahAlumna } from '../../fixtures';

const NOW = new Date('2026-11-25T10:00:00Z');
// Fluent UI in jsdom on a shared machine: a whole flow takes a few seconds.
jest.setTimeout(20_000);
const userEvent = user.setup({ delay: null });
/** Typing key by key through Fluent's inputs is slow in jsdom; pasting is what a user does too. */
const fill = async (el: HTMLElement, text: string): Promise<void> => {
  await userEvent.click(el);
  await userEvent.paste(text);
};

const mount = (mock: OutlookMock, service: AuRevoirService = addinService()) => {
  const item = officeMailItem(mock.office);
  const missing = missingRequirements(mock.office, item.kind);
  return renderUi(<TaskPane item={item} service={service} missing={missing} now={() => NOW} newPlanId={fixedPlanId} />, {
    lang: langFromLocale(mock.office.context.displayLanguage),
  });
};

const sarahInvited = [{ emailAddress: sarah.mail, displayName: sarah.displayName }];

describe('apply the template to the meeting being composed', () => {
  it('English, no Teams block: subject, agenda before the existing text, attendee kept once, category created then added', async () => {
    const mock = outlookMock({
      kind: 'appointmentCompose',
      bodyHtml: '<html><head></head><body><p>Bring the handover doc.</p></body></html>',
      required: sarahInvited,
    });
    mount(mock);
    const apply = await screen.findByRole('button', { name: 'Apply to this meeting' });
    expect(screen.getByRole('combobox', { name: /Who is leaving/ })).toHaveDisplayValue('Sarah Johnson <sarah.johnson@contoso.example>');
    mock.calls.length = 0;
    await userEvent.click(apply);
    await screen.findByText(/The meeting now has the subject, the agenda, Sarah Johnson as attendee and the Au revoir category/);

    const names = mock.calls.map((c) => c[0]);
    expect(names).toEqual([
      'subject.setAsync',
      'body.getAsync',
      'body.setAsync',
      'requiredAttendees.getAsync',
      'categories.addAsync',
      'masterCategories.addAsync',
      'categories.addAsync',
    ]);
    expect(mock.calls[0]).toEqual(['subject.setAsync', 'Exit conversation with Sarah Johnson']);
    expect(mock.calls[1]).toEqual(['body.getAsync', 'html']);
    const [, html, options] = mock.calls[2]!;
    expect(options).toEqual({ coercionType: 'html' });
    expect(html).toMatch(/^<html><head><\/head><body><!-- au-revoir:agenda:start --><div data-au-revoir="agenda"><div lang="en"/);
    // renderInviteHtml escapes the apostrophe.
    expect(html).toContain('What we&#39;ll cover (45\u00a0minutes)');
    expect(html).toContain('Claire Martin');
    expect((html as string).indexOf('au-revoir:agenda:end')).toBeLessThan((html as string).indexOf('Bring the handover doc.'));
    expect(mock.calls[5]).toEqual(['masterCategories.addAsync', [{ displayName: 'Au revoir', color: 'Preset5' }]]);
    expect(mock.calls[6]).toEqual(['categories.addAsync', ['Au revoir']]);
    expect(mock.state.categories).toEqual(['Au revoir']);
    // Sarah was already a required attendee: not added twice.
    expect(mock.state.required).toEqual(sarahInvited);
    expect(screen.getByText('Sarah Johnson was already invited.')).toBeInTheDocument();
    expect(screen.queryByText(/Teams meeting link/)).not.toBeInTheDocument();
  });

  it('French, with a Teams block: the agenda goes above it, the block is untouched, and a second apply replaces the agenda', async () => {
    const body = `<html><head><meta charset="utf-8"></head><body>${TEAMS_BLOCK}</body></html>`;
    const mock = outlookMock({ kind: 'appointmentCompose', bodyHtml: body, required: sarahInvited, masterCategories: ['Au revoir'], displayLanguage: 'fr-FR' });
    mount(mock);
    const apply = await screen.findByRole('button', { name: 'Appliquer à cette réunion' });
    // The agenda language follows the UI (French) unless changed.
    expect(screen.getByRole('radio', { name: 'Français' })).toBeChecked();
    mock.calls.length = 0;
    await userEvent.click(apply);
    await screen.findByText('Le lien de la réunion Teams est conservé sous l’ordre du jour.');

    expect(mock.calls.map((c) => c[0])).toEqual(['subject.setAsync', 'body.getAsync', 'body.setAsync', 'requiredAttendees.getAsync', 'categories.addAsync']);
    expect(mock.calls[0]).toEqual(['subject.setAsync', 'Entretien de départ avec Sarah Johnson']);
    expect(mock.calls[4]).toEqual(['categories.addAsync', ['Au revoir']]);
    const first = mock.calls[2]![1] as string;
    expect(first).toContain('Au programme (45\u00a0minutes)');
    expect(first).toContain(TEAMS_BLOCK);
    expect(first.indexOf('au-revoir:agenda:end')).toBeLessThan(first.indexOf('Réunion Microsoft Teams'));

    // Apply again in English for a 30-minute meeting: one agenda, the new one, still above the block.
    await userEvent.click(screen.getByRole('radio', { name: 'Anglais' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Durée' }), '30');
    mock.calls.length = 0;
    await userEvent.click(screen.getByRole('button', { name: 'Appliquer à cette réunion' }));
    await screen.findByText('L’ordre du jour appliqué précédemment a été remplacé, pas dupliqué.');
    const second = mock.state.bodyHtml;
    expect(second.match(/au-revoir:agenda:start/g)).toHaveLength(1);
    expect(second).not.toContain('Au programme');
    expect(second).toContain('What we&#39;ll cover (30\u00a0minutes)');
    expect(second).toContain(TEAMS_BLOCK);
    expect(mock.calls[0]).toEqual(['subject.setAsync', 'Exit conversation with Sarah Johnson']);
  });

  it('adds a leaver found in the directory as a required attendee, with their name', async () => {
    const mock = outlookMock({ kind: 'appointmentCompose', masterCategories: ['Au revoir'] });
    mount(mock);
    // No attendee yet: the pane starts on the directory search.
    const search = await screen.findByRole('combobox', { name: /Search the directory/ });
    await userEvent.type(search, 'Léa');
    await userEvent.click(await screen.findByRole('option', { name: /Léa Dubois/ }));
    mock.calls.length = 0;
    await userEvent.click(screen.getByRole('button', { name: 'Apply to this meeting' }));
    await screen.findByText(/Léa Dubois as attendee/);
    expect(mock.calls).toContainEqual(['requiredAttendees.addAsync', [{ emailAddress: 'lea.dubois@contoso.example', displayName: 'Léa Dubois' }]]);
    expect(mock.calls[0]).toEqual(['subject.setAsync', 'Exit conversation with Léa Dubois']);
  });

  it('then saves the contact and reminders through bookPlan, without booking a second meeting', async () => {
    const service = addinService();
    const mock = outlookMock({ kind: 'appointmentCompose', required: sarahInvited, masterCategories: ['Au revoir'] });
    mount(mock, service);
    await userEvent.click(await screen.findByRole('button', { name: 'Apply to this meeting' }));
    // The last day comes from the departures list; consent opens the personal details.
    expect(await screen.findByLabelText(/Last working day/)).toHaveValue('2026-12-18');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Sarah Johnson agrees to be kept as a contact' }));
    await fill(screen.getByLabelText('Personal email'), 'sarah.j@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Save contact and reminders' }));
    await screen.findByText('Saved: the contact and 3 reconnect reminders are in Outlook.');
    expect(service.bookPlan).toHaveBeenCalledTimes(1);
    const plan = service.bookPlan.mock.calls[0]![0];
    expect(plan).toMatchObject({
      id: fixedPlanId(),
      conversationSource: 'outlookItem',
      leaver: { displayName: 'Sarah Johnson', workEmail: sarah.mail, lastWorkingDay: '2026-12-18', personalEmail: 'sarah.j@example.org', consentToKeepContact: true },
      // 09:00Z on 3 December is 10:00 in Paris, the manager's zone.
      conversation: { start: '2026-12-03T10:00:00', durationMinutes: 45, timeZone: 'Europe/Paris', place: { kind: 'teams' } },
      agenda: { lang: 'en' },
      cadence: { preset: 'gentle' },
      reconnect: true,
    });
  });
});

describe('requirement sets', () => {
  it('names what a client without Mailbox 1.3 lacks, in English, and offers nothing it cannot do', async () => {
    const mock = outlookMock({ kind: 'appointmentCompose', unsupported: ['1.3', '1.8'], required: sarahInvited });
    mount(mock);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your version of Outlook can’t run Au revoir on this item. It lacks: Mailbox 1.3 (formatted meeting body). Update Outlook',
    );
    expect(screen.queryByRole('button', { name: 'Apply to this meeting' })).not.toBeInTheDocument();
    expect(mock.calls).toEqual([]);
  });

  it('in French, without Mailbox 1.8: says the category will be skipped, and applies everything else', async () => {
    const mock = outlookMock({ kind: 'appointmentCompose', unsupported: ['1.8'], required: sarahInvited, displayLanguage: 'fr-FR' });
    mount(mock);
    expect(
      await screen.findByText('Il manque à votre version d’Outlook Mailbox 1.8 (catégories) : la catégorie « Au revoir » ne sera pas ajoutée à la réunion. Vous pouvez l’ajouter vous-même.'),
    ).toBeInTheDocument();
    const apply = await screen.findByRole('button', { name: 'Appliquer à cette réunion' });
    mock.calls.length = 0;
    await userEvent.click(apply);
    await screen.findByText('La réunion a maintenant son objet, son ordre du jour et Sarah Johnson en participant.');
    expect(mock.calls.map((c) => c[0])).toEqual(['subject.setAsync', 'body.getAsync', 'body.setAsync', 'requiredAttendees.getAsync']);
  });
});

describe('the alumni card on a reconnect reminder', () => {
  it('finds the person by the item id and logs a reconnect with a note', async () => {
    const service = addinService({ listAlumni: jest.fn(async () => [sarahAlumna]) });
    const mock = outlookMock({ kind: 'appointmentRead', subject: 'Give Sarah Johnson a call to catch up', itemId: 'EWS-reminder-1' });
    mount(mock, service);
    const card = await screen.findByRole('article', { name: /Sarah Johnson/ });
    expect(within(card).getByText('sarah.j@example.org')).toBeInTheDocument();
    expect(within(card).getByText('2027-01-10: lunch, loves the new job')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Reconnected' }));
    await fill(screen.getByLabelText('What did you talk about?'), 'Coffee, she is hiring');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(service.markReconnected).toHaveBeenCalledWith({ contactId: 'contact-sarah', note: 'Coffee, she is hiring', at: NOW }));
    // The item's own Office.js body/subject were never written.
    expect(mock.calls.filter((c) => String(c[0]).endsWith('setAsync'))).toEqual([]);
  });

  it('snoozes the next touchpoint and stops the reminders through the service', async () => {
    const service = addinService({ listAlumni: jest.fn(async () => [sarahAlumna]) });
    mount(outlookMock({ kind: 'appointmentRead', subject: 'Give Sarah Johnson a call to catch up', itemId: 'EWS-reminder-1' }), service);
    const card = await screen.findByRole('article', { name: /Sarah Johnson/ });
    await userEvent.click(within(card).getByRole('button', { name: /Snooze/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'By 7 days' }));
    await waitFor(() => expect(service.snooze).toHaveBeenCalledWith({ eventId: 'rest:v2.0:EWS-reminder-1', days: 7 }));
    await userEvent.click(within(await screen.findByRole('article', { name: /Sarah Johnson/ })).getByRole('button', { name: 'Stop reminders' }));
    // jsdom + tabster leave aria-hidden on the dialog surface (browsers do not): look with hidden: true.
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Stop reminders', hidden: true }));
    await waitFor(() => expect(service.stopReminders).toHaveBeenCalledWith('plan-sarah', NOW));
    expect(await screen.findByText('Reminders for Sarah Johnson stopped.')).toBeInTheDocument();
  });

  it('says so when the meeting is not one of our reminders', async () => {
    const mock = outlookMock({ kind: 'appointmentRead', subject: 'Weekly sync', itemId: 'EWS-other' });
    mount(mock, addinService({ listAlumni: jest.fn(async () => [sarahAlumna]) }));
    expect(await screen.findByText('This meeting isn’t an Au revoir reconnect reminder.')).toBeInTheDocument();
  });
});

describe('plan exit conversation with the sender of a message', () => {
  it('takes the sender as leaver and books the whole plan, meeting included', async () => {
    const service = addinService();
    const mock = outlookMock({ kind: 'messageRead', subject: 'My last day', from: { emailAddress: sarah.mail, displayName: sarah.displayName } });
    mount(mock, service);
    expect(await screen.findByRole('combobox', { name: /Who is leaving/ })).toHaveDisplayValue('Sarah Johnson <sarah.johnson@contoso.example>');
    await userEvent.click(screen.getByRole('button', { name: 'Book the exit conversation' }));
    expect(await screen.findByText('Choose a date and time.')).toBeInTheDocument();
    expect(service.bookPlan).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/Date and time of the conversation/), { target: { value: '2026-12-10T14:30' } });
    await userEvent.click(screen.getByRole('button', { name: 'Book the exit conversation' }));
    await screen.findByText('Booked: the exit conversation, the contact and the reconnect reminders are in Outlook.');
    expect(service.bookPlan.mock.calls[0]![0]).toMatchObject({
      conversationSource: 'book',
      leaver: { workEmail: sarah.mail, lastWorkingDay: '2026-12-18' },
      conversation: { start: '2026-12-10T14:30:00', timeZone: 'Europe/Paris' },
    });
    expect(mock.calls.filter((c) => String(c[0]).endsWith('setAsync'))).toEqual([]);
  });
});
