import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import type { Lang } from '../../../src/domain/types';
import { AlumniCard } from '../../../src/ui';
import { AlumniExtrasProvider } from '../../../src/ui/alumni';
import type { AuRevoirService } from '../../../src/workflows/service';
import { alumnus, renderUi, throttled } from '../../fixtures';

const userEvent = userEventLib.setup({ delay: null });
jest.setTimeout(30_000);

const NOW = new Date('2026-06-02T09:00:00Z');
const lucas = alumnus({
  displayName: 'Lucas Moreau',
  company: 'Fabrikam',
  mobilePhone: '+33612345678',
  lastContacted: '2026-03-02T00:00:00.000Z',
  nextTouchpoint: { eventId: 'ev-1', start: '2026-06-16T08:00:00Z', kind: 'lunch' },
});

type Exporter = Pick<AuRevoirService, 'exportContact' | 'exportReminders'>;
const exporter = (): jest.Mocked<Exporter> => ({
  exportContact: jest.fn(async ({ version }) => ({ fileName: 'lucas-moreau.vcf', mimeType: 'text/vcard;charset=utf-8', text: `BEGIN:VCARD\r\nVERSION:${version}\r\nEND:VCARD\r\n` })),
  exportReminders: jest.fn<ReturnType<Exporter['exportReminders']>, Parameters<Exporter['exportReminders']>>(async () => ({ fileName: 'lucas-moreau-reminders.ics', mimeType: 'text/calendar;charset=utf-8', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' })),
});

const noop = () => Promise.resolve();
const mount = (exp: Exporter | undefined, lang: Lang = 'en') =>
  renderUi(
    <AlumniExtrasProvider {...(exp ? { exporter: exp } : {})} now={() => NOW}>
      <AlumniCard alumnus={lucas} onReconnected={noop} onSnooze={noop} onStop={noop} timeZone="Europe/Paris" />
    </AlumniExtrasProvider>,
    { lang },
  );

/** jsdom's Blob has no text(): read it as a browser's FileReader would. */
const readText = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

/** What the browser was handed to download: the Blob behind the object URL, and the link's file name. */
const downloads: Array<{ name: string; blob: Blob }> = [];
const blobs = new Map<string, Blob>();
beforeAll(() => {
  let n = 0;
  URL.createObjectURL = jest.fn((b: Blob) => {
    n += 1;
    blobs.set(`blob:test/${n}`, b);
    return `blob:test/${n}`;
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
beforeEach(() => {
  downloads.length = 0;
});

describe('exports on the alumni card', () => {
  it('downloads a vCard 3.0 or 4.0, as the person picks', async () => {
    const exp = exporter();
    mount(exp);
    const card = screen.getByRole('article', { name: 'Lucas Moreau' });
    await userEvent.click(within(card).getByRole('button', { name: 'Save the contact card of Lucas Moreau (vCard)' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /vCard 3\.0.*iPhone, Android/ }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(exp.exportContact).toHaveBeenCalledWith({ contactId: 'c-Lucas Moreau', version: '3.0' });
    expect(downloads[0]!.name).toBe('lucas-moreau.vcf');
    expect(downloads[0]!.blob.type).toBe('text/vcard;charset=utf-8');
    expect(await readText(downloads[0]!.blob)).toContain('VERSION:3.0');

    await userEvent.click(within(card).getByRole('button', { name: /contact card of Lucas Moreau/ }));
    await userEvent.click(await screen.findByRole('menuitem', { name: /vCard 4\.0.*Thunderbird/ }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(exp.exportContact).toHaveBeenLastCalledWith({ contactId: 'c-Lucas Moreau', version: '4.0' });
    expect(URL.revokeObjectURL).toHaveBeenCalled();
  });

  it('downloads the reminders as .ics, in French, with the clock and language of the screen', async () => {
    const exp = exporter();
    mount(exp, 'fr');
    const card = screen.getByRole('article', { name: 'Lucas Moreau' });
    expect(within(card).getByRole('group', { name: 'Emporter Lucas Moreau avec vous' })).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: /Télécharger les rappels pour Lucas Moreau/ }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(exp.exportReminders).toHaveBeenCalledWith({ planId: 'plan-Lucas-Moreau', now: NOW, lang: 'fr' });
    expect(downloads[0]!.name).toBe('lucas-moreau-reminders.ics');
    expect(downloads[0]!.blob.type).toBe('text/calendar;charset=utf-8');
  });

  it('a failed export says why and offers to try again; nothing is downloaded', async () => {
    const exp = exporter();
    exp.exportReminders.mockRejectedValueOnce(throttled());
    mount(exp);
    const card = screen.getByRole('article', { name: 'Lucas Moreau' });
    await userEvent.click(within(card).getByRole('button', { name: /Download the reminders for Lucas Moreau/ }));
    const retry = await within(card).findByRole('button', { name: /try again|retry/i });
    expect(downloads).toHaveLength(0);
    await userEvent.click(retry);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(exp.exportReminders).toHaveBeenCalledTimes(2);
  });

  it('offers no export where the screen gave no exporter', () => {
    mount(undefined);
    const card = screen.getByRole('article', { name: 'Lucas Moreau' });
    expect(within(card).queryByRole('button', { name: /vCard|\.ics/ })).toBeNull();
  });
});

describe('human-readable details on the card', () => {
  it.each([
    ['en', '+33 6 12 34 56 78', '2 Mar 2026 (3 months ago)', 'Lunch, 16 Jun 2026 (in 2 weeks)'],
    ['fr', '06 12 34 56 78', '2 mars 2026 (il y a 3 mois)', 'Déjeuner, 16 juin 2026 (dans 2 semaines)'],
  ] as const)('%s: the mobile in the reader’s format, dates with how far they are', async (lang, phone, last, next) => {
    mount(undefined, lang);
    const card = screen.getByRole('article', { name: 'Lucas Moreau' });
    const link = await within(card).findByRole('link', { name: phone });
    expect(link).toHaveAttribute('href', 'tel:+33612345678');
    expect(card).toHaveTextContent(last);
    expect(card).toHaveTextContent(next);
  });
});
