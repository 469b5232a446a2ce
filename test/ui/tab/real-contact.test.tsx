import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { Alumni } from '../../../src/apps/tab/screens/Alumni';
import { AppError } from '../../../src/domain/errors';
import { isoDate } from '../../../src/domain/types';
import type { RealContactNotice } from '../../../src/workflows/service';
import { alumnus, fakeService, renderUi } from '../../fixtures';

const at = new Date('2027-04-07T10:00:00Z');
const now = () => at;
const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(20_000);

const ana = alumnus({ displayName: 'Ana Costa', contactId: 'c-ana', nextTouchpoint: { eventId: 'e-ana', start: '2027-05-05T08:00:00Z', kind: 'call' }, lastContacted: '2027-04-05T00:00:00.000Z' });
const ben = alumnus({ displayName: 'Ben Laurent', contactId: 'c-ben' });
const lunch: RealContactNotice = {
  contactId: 'c-ana',
  source: 'event',
  subject: 'Lunch with Ana <3',
  date: isoDate('2027-04-05'),
  moved: { from: '2027-04-12T10:00:00', to: '2027-05-05T10:00:00' },
};
const mail: RealContactNotice = { contactId: 'c-ana', source: 'mail', subject: 'News', date: isoDate('2027-03-03') };

const withRealContact = (notices: RealContactNotice[], over: Parameters<typeof fakeService>[0] = {}) =>
  fakeService({
    listAlumni: () => Promise.resolve([ana, ben]),
    findRealContact: () => Promise.resolve(notices),
    undoRealContact: () => Promise.resolve(),
    mailMatching: () => Promise.resolve(false),
    setMailMatching: (on: boolean) => Promise.resolve(on),
    ...over,
  });

const cardOf = async (name: string): Promise<HTMLElement> =>
  (await screen.findAllByRole('article')).find((a) => within(a).queryByRole('heading')?.textContent === name)!;

describe('real contact on the alumni cards', () => {
  it('says why last contacted moved and where the reminder went, on that card only (English)', async () => {
    const service = withRealContact([lunch]);
    renderUi(<Alumni service={service} now={now} />);
    const card = await cardOf('Ana Costa');
    const bar = within(card).getByRole('group', { name: 'Real contact found for Ana Costa' });
    expect(bar).toHaveTextContent('“Lunch with Ana <3” on Monday, 5 April 2027 found in your calendar: last contacted moved to that day.');
    expect(bar).toHaveTextContent('The next reminder moved from Monday, 12 April 2027 to Wednesday, 5 May 2027.');
    expect(within(await cardOf('Ben Laurent')).queryByRole('group', { name: /Real contact/ })).toBeNull();
    // Looked for before the list is read, so the list shows what it changed.
    expect((service.findRealContact as jest.Mock).mock.invocationCallOrder[0]!).toBeLessThan(service.listAlumni.mock.invocationCallOrder[0]!);
  });

  it('in French, an email', async () => {
    renderUi(<Alumni service={withRealContact([mail])} now={now} />, { lang: 'fr' });
    const card = await cardOf('Ana Costa');
    expect(within(card).getByRole('group', { name: 'Contact réel trouvé pour Ana Costa' })).toHaveTextContent(
      'Courriel du mercredi 3 mars 2027 trouvé dans votre boîte : dernier contact avancé à ce jour.',
    );
    expect(within(card).getByRole('button', { name: 'Annuler : pas de contact avec Ana Costa le mercredi 3 mars 2027' })).toBeInTheDocument();
  });

  it('undo goes through the service, the list is read again, and the card says it is undone', async () => {
    const service = withRealContact([lunch]);
    (service.findRealContact as jest.Mock).mockResolvedValueOnce([lunch]).mockResolvedValue([]);
    renderUi(<Alumni service={service} now={now} />);
    const card = await cardOf('Ana Costa');
    await userEvent.click(within(card).getByRole('button', { name: /^Undo: Ana Costa was not contacted/ }));
    await waitFor(() => expect(service.undoRealContact).toHaveBeenCalledWith('c-ana'));
    expect(await within(await cardOf('Ana Costa')).findByText('Undone: last contacted and the reminder are back as they were.')).toBeInTheDocument();
    expect(service.listAlumni).toHaveBeenCalledTimes(2);
    expect(within(await cardOf('Ana Costa')).queryByRole('group', { name: /Real contact/ })).toBeNull();
  });

  it('a failed undo is shown on the card and the notice stays', async () => {
    const service = withRealContact([lunch], { undoRealContact: () => Promise.reject(new AppError({ code: 'graph.throttled' })) });
    renderUi(<Alumni service={service} now={now} />);
    const card = await cardOf('Ana Costa');
    await userEvent.click(within(card).getByRole('button', { name: /^Undo/ }));
    expect(await within(card).findByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(within(card).getByRole('group', { name: 'Real contact found for Ana Costa' })).toBeInTheDocument();
  });

  it('a failure looking for real contact never hides the list', async () => {
    const service = withRealContact([], { findRealContact: () => Promise.reject(new AppError({ code: 'graph.throttled' })) });
    renderUi(<Alumni service={service} now={now} />);
    expect(await cardOf('Ana Costa')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThan(0);
  });
});

describe('the "count emails as contact" switch', () => {
  it('is off until turned on; turning it on saves it through the service and looks again', async () => {
    const service = withRealContact([]);
    renderUi(<Alumni service={service} now={now} />);
    const sw = await screen.findByRole('switch', { name: 'Count emails as contact' });
    await waitFor(() => expect(sw).toBeEnabled());
    expect(sw).not.toBeChecked();
    expect(service.setMailMatching).not.toHaveBeenCalled();
    await userEvent.click(sw);
    await waitFor(() => expect(service.setMailMatching).toHaveBeenCalledWith(true));
    expect(await screen.findByText('Emails with alumni now count as contact.')).toBeInTheDocument();
    expect(sw).toBeChecked();
    await waitFor(() => expect(service.findRealContact).toHaveBeenCalledTimes(2));
  });

  it('stays off when the permission is refused, and says why (French)', async () => {
    const service = withRealContact([], { setMailMatching: () => Promise.reject(new AppError({ code: 'auth.interactionRequired' })) });
    renderUi(<Alumni service={service} now={now} />, { lang: 'fr' });
    const sw = await screen.findByRole('switch', { name: 'Compter les courriels comme contact' });
    await waitFor(() => expect(sw).toBeEnabled());
    await userEvent.click(sw);
    await waitFor(() => expect(service.setMailMatching).toHaveBeenCalledWith(true));
    await waitFor(() => expect(sw).not.toBeChecked());
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('is not offered by a service without it (the add-in, older fakes)', async () => {
    renderUi(<Alumni service={fakeService({ listAlumni: () => Promise.resolve([ana]) })} now={now} />);
    expect(await cardOf('Ana Costa')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(within(await cardOf('Ana Costa')).queryByRole('group', { name: /Real contact/ })).toBeNull();
  });
});
