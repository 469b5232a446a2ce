/**
 * The meeting side panel with a faked Teams meeting (teams-mock.ts) and a faked service: the plan
 * found from the meeting's chat, the guide stepping through the invite's sections, the timer
 * following the agenda's minutes (fake timers), private notes that go nowhere, "Keep a summary",
 * and the clear message in a meeting Au revoir did not book. The summary's trip to the mailbox is
 * test/integration/workflows/meeting.test.ts (sandbox over HTTP) and test/e2e/meeting.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import user from '@testing-library/user-event';
import { MeetingApp } from '../../../src/apps/meeting/MeetingApp';
import { readGuide } from '../../../src/apps/meeting/agenda';
import { defaultAgenda, renderInviteHtml, timeAgenda } from '../../../src/domain/agenda';
import type { Lang } from '../../../src/domain/types';
import { planId } from '../../../src/domain/types';
import { teamsMeetingHost, threadIdFromMeetingId, type MeetingHost } from '../../../src/hosts/teams';
import { resetI18nForTests } from '../../../src/ui';
import type { MeetingPlan } from '../../../src/workflows';
import { MemoryStore, fakeMeetingService, type FakeMeetingService } from '../../fixtures';
import { THREAD, teamsMeetingMock, type TeamsMeetingMockOptions } from './teams-mock';

jest.setTimeout(30_000);

const AGENDA_LANG: Lang = 'fr';
const TIMED = timeAgenda(defaultAgenda(AGENDA_LANG), 60);
const BODY = `<html><head></head><body>${renderInviteHtml({ agenda: defaultAgenda(AGENDA_LANG), durationMinutes: 60, leaverName: 'Émilie Laurent', managerName: 'Claire Martin' })}<div>Microsoft Teams meeting</div></body></html>`;

const PLAN: MeetingPlan = {
  planId: planId('00000000-0000-4000-8000-000000000042'),
  eventId: 'AAMkEvent42',
  subject: 'Entretien de départ avec Émilie Laurent',
  lang: AGENDA_LANG,
  bodyHtml: BODY,
  contact: { id: 'contact-42', displayName: 'Émilie Laurent' },
};

const fakeService = (plan: MeetingPlan | undefined = PLAN): FakeMeetingService => fakeMeetingService(THREAD, plan);

const LOCATION = { search: '?host=teams', origin: 'https://aurevoir.example', host: 'aurevoir.example' };
const DEFINES = { AU_REVOIR_MODE: 'sandbox' };

const mount = async (mockOptions: TeamsMeetingMockOptions = {}, service: FakeMeetingService = fakeService(), session = new MemoryStore()) => {
  resetI18nForTests();
  const teams = teamsMeetingMock({ chatId: THREAD, ...mockOptions });
  const host: MeetingHost = await teamsMeetingHost(teams.sdk);
  const users: (string | undefined)[] = [];
  render(
    <MeetingApp
      host={host}
      location={LOCATION}
      defines={DEFINES}
      session={session}
      connect={async (u) => {
        users.push(u);
        return service;
      }}
    />,
  );
  return { teams, service, session, users };
};

describe('the host port over teams-js', () => {
  it('reads the meeting chat thread, the theme and the language from the context', async () => {
    const teams = teamsMeetingMock({ chatId: THREAD, theme: 'dark', locale: 'fr-FR', upn: 'claire.martin@contoso.example' });
    const host = await teamsMeetingHost(teams.sdk);
    expect(host).toEqual(expect.objectContaining({ kind: 'teams', threadId: THREAD, theme: 'dark', lang: 'fr', frame: 'content', userPrincipalName: 'claire.martin@contoso.example' }));
    expect(teams.calls.map((c) => c[0])).toEqual(['app.initialize', 'app.getContext', 'app.registerOnThemeChangeHandler']);
  });

  it('falls back to the thread in the meeting id when the context has no chat', async () => {
    const meetingId = btoa(`0#${THREAD}#0`);
    expect(threadIdFromMeetingId(meetingId)).toBe(THREAD);
    expect(threadIdFromMeetingId('not base64 at all!')).toBeUndefined();
    const host = await teamsMeetingHost(teamsMeetingMock({ meetingId }).sdk);
    expect(host.threadId).toBe(THREAD);
  });

  it('on the configuration page, offers the side panel for saving and saves its URL', async () => {
    const { teams } = await mount({ frameContext: 'settings' });
    await screen.findByRole('heading', { name: 'Add the Au revoir guide to this meeting' });
    expect(teams.calls).toContainEqual(['pages.config.setValidityState', true]);
    await expect(teams.save()).resolves.toBe('success');
    expect(teams.calls).toContainEqual([
      'pages.config.setConfig',
      { contentUrl: 'https://aurevoir.example/meeting.html?host=teams', websiteUrl: 'https://aurevoir.example/meeting.html?host=web', entityId: 'au-revoir-meeting-guide', suggestedDisplayName: 'Au revoir' },
    ]);
  });
});

describe('the agenda read back from the invite', () => {
  it('gives every section with its minutes, purpose and prompts, whatever else the body holds', () => {
    const guide = readGuide(BODY);
    expect(guide.map((s) => s.title)).toEqual(TIMED.sections.map((s) => s.title));
    expect(guide.map((s) => s.minutes)).toEqual(TIMED.sections.map((s) => s.minutes));
    expect(guide.map((s) => s.prompts)).toEqual(TIMED.sections.map((s) => s.prompts.map((p) => p.text)));
    expect(guide[0]?.purpose).toBe(TIMED.sections[0]?.purpose);
  });
});

describe('the guide', () => {
  it('finds the plan from the meeting and steps through the sections', async () => {
    const { service } = await mount({ locale: 'en-GB' });
    const first = TIMED.sections[0]!;
    expect(await screen.findByRole('heading', { level: 3, name: first.title })).toHaveAttribute('lang', 'fr');
    expect(service.calls[0]).toEqual(['findPlan', THREAD]);
    expect(screen.getByText(`Section 1 of ${TIMED.sections.length}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous section' })).toBeDisabled();

    const u = user.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Next section' }));
    const second = TIMED.sections[1]!;
    const heading = screen.getByRole('heading', { level: 3, name: second.title });
    // Focus follows the step, so a screen reader reads the new section's title.
    expect(heading).toHaveFocus();
    expect(screen.getByText(`Section 2 of ${TIMED.sections.length}`)).toBeInTheDocument();
    expect(screen.getByText(`${second.minutes} min planned`)).toBeInTheDocument();
    for (const p of second.prompts) expect(screen.getByRole('checkbox', { name: p.text })).not.toBeChecked();
    await u.click(screen.getByRole('button', { name: 'Previous section' }));
    expect(screen.getByRole('heading', { level: 3, name: first.title })).toHaveFocus();
  });

  it('in French, every word of the panel is French', async () => {
    await mount({ locale: 'fr-FR' });
    await screen.findByRole('heading', { level: 1, name: 'Guide de l’entretien de départ' });
    expect(screen.getByRole('button', { name: 'Partie suivante' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Mes notes privées' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Garder un résumé' })).toBeInTheDocument();
  });
});

describe('the timer follows the agenda’s minutes', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2027-03-03T13:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('counts down the section’s minutes, turns to “over”, and speaks only on whole minutes', async () => {
    await mount();
    const first = TIMED.sections[0]!;
    await screen.findByRole('heading', { level: 3, name: first.title });
    const total = first.minutes * 60;
    expect(screen.getByText(`${first.minutes}:00 left`)).toBeInTheDocument();
    const u = user.setup({ delay: null, advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
    await u.click(screen.getByRole('button', { name: 'Start the timer' }));
    expect(screen.getByRole('button', { name: 'Pause the timer' })).toHaveAttribute('aria-pressed', 'true');

    const live = screen.getByRole('status');
    const spoken: string[] = [];
    const tick = () => {
      act(() => void jest.advanceTimersByTime(1000));
      const now = live.textContent ?? '';
      if (now !== '' && now !== spoken[spoken.length - 1]) spoken.push(now);
    };

    // Second by second, as a real clock goes.
    for (let s = 0; s < total - 30; s++) tick();
    expect(screen.getByText('0:30 left')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String((total - 30) / total));
    for (let s = 0; s < 90; s++) tick();
    expect(screen.getByText(/^1:00 over/)).toBeInTheDocument();

    // Polite and sparse: about one announcement a minute, not one a second.
    expect(spoken.length).toBeGreaterThanOrEqual(first.minutes);
    expect(spoken.length).toBeLessThanOrEqual(first.minutes + 2);
    expect(spoken).toContain(`1 minute left in ${first.title}`);
    expect(spoken[spoken.length - 1]).toBe(`Time planned for ${first.title} is up`);
    expect(live).toHaveAttribute('aria-live', 'polite');

    // Each section has its own time: the next one starts from its own minutes.
    await u.click(screen.getByRole('button', { name: 'Next section' }));
    const second = TIMED.sections[1]!;
    expect(screen.getByText(`${second.minutes}:00 left`)).toBeInTheDocument();
  });
});

describe('private notes and the summary', () => {
  it('notes stay in this window: nothing goes to Teams or to the mailbox while typing', async () => {
    const { teams, service, session } = await mount();
    await screen.findByRole('heading', { level: 3, name: TIMED.sections[0]!.title });
    const before = teams.calls.length;
    const u = user.setup({ delay: null });
    await u.click(screen.getByRole('textbox', { name: 'Private notes' }));
    await u.paste('Fatiguée par les déplacements <confidentiel>');
    expect(screen.getByText(/never shared with attendees or posted in the meeting chat/)).toBeInTheDocument();
    // No teams-js call at all (no chat message, no share to stage), no Graph call.
    expect(teams.calls.slice(before)).toEqual([]);
    expect(service.calls.map((c) => c[0])).toEqual(['findPlan']);
    // Kept only in this tab's session, so a reload in the meeting does not lose them.
    expect([...session.data.values()].join()).toContain('Fatiguée par les déplacements');
  });

  it('Keep a summary: from the notes, in the agenda’s language, with the sections covered; then the notes are gone', async () => {
    const { service, session } = await mount({ locale: 'en-US' });
    await screen.findByRole('heading', { level: 3, name: TIMED.sections[0]!.title });
    const u = user.setup({ delay: null });
    await u.click(screen.getByRole('checkbox', { name: TIMED.sections[0]!.prompts[0]!.text }));
    await u.click(screen.getByRole('textbox', { name: 'Private notes' }));
    await u.paste('Très bon échange.');
    await u.click(screen.getByRole('button', { name: 'Keep a summary' }));
    expect(await screen.findByText('Write a few words first.')).toBeInTheDocument();
    expect(service.calls.map((c) => c[0])).toEqual(['findPlan']);

    await u.click(screen.getByRole('button', { name: 'Start from my notes' }));
    expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveValue('Très bon échange.');
    await u.click(screen.getByRole('button', { name: 'Keep a summary' }));
    await screen.findByText(/^Kept in Émilie Laurent’s notes, dated/);
    const [, input] = service.calls.find((c) => c[0] === 'keepSummary')!;
    expect(input).toEqual(expect.objectContaining({ contactId: 'contact-42', summary: 'Très bon échange.', covered: [TIMED.sections[0]!.title], lang: 'fr' }));
    expect(screen.getByRole('textbox', { name: 'Private notes' })).toHaveValue('');
    expect([...session.data.values()].join()).not.toContain('Très bon échange.');
  });

  it('without a contact (the leaver did not agree), says where the summary cannot go', async () => {
    const { contact: _gone, ...noContact } = PLAN;
    await mount({}, fakeService(noContact));
    expect(await screen.findByText(/wasn’t saved as a contact, so there is nowhere to keep a summary/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Keep a summary' })).toBeNull();
  });
});

describe('a meeting Au revoir did not book', () => {
  it.each([
    ['en-US', 'Au revoir didn’t book this meeting'],
    ['fr-FR', 'Cette réunion n’a pas été planifiée avec Au revoir'],
  ])('%s: a clear message, and no guide', async (locale, title) => {
    const other = '19:meeting_SomeoneElsesMeeting@thread.v2';
    const { service } = await mount({ locale, chatId: other });
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    expect(service.calls).toEqual([['findPlan', other]]);
    expect(screen.queryByRole('heading', { level: 3 })).toBeNull();
  });

  it('outside a meeting (no chat in the context), says where the guide works', async () => {
    const { service } = await mount({ chatId: 'not-a-meeting-chat' });
    expect(await screen.findByRole('heading', { name: 'Open this in the meeting' })).toBeInTheDocument();
    expect(service.calls).toEqual([]);
    expect(within(document.body).queryByRole('button', { name: 'Next section' })).toBeNull();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });
});

describe('the panel keeps its state, and its clock, through what happens around it', () => {
  it('the timer keeps counting while the manager types notes (a keystroke every half second)', async () => {
    jest.useFakeTimers({ now: new Date('2027-03-03T13:00:00Z') });
    try {
      await mount();
      const first = TIMED.sections[0]!;
      await screen.findByRole('heading', { level: 3, name: first.title });
      act(() => screen.getByRole('button', { name: 'Start the timer' }).click());
      const notes = screen.getByRole('textbox', { name: 'Private notes' });
      for (let i = 1; i <= 20; i++) {
        act(() => void jest.advanceTimersByTime(500));
        fireEvent.change(notes, { target: { value: 'x'.repeat(i) } });
      }
      expect(notes).toHaveValue('x'.repeat(20));
      // Ten seconds typed through: ten seconds counted.
      const left = first.minutes * 60 - 10;
      expect(screen.getByText(`${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`)).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('a theme change in Teams neither looks the plan up again nor loses the section on screen', async () => {
    const { teams, service } = await mount({ locale: 'en-GB' });
    await screen.findByRole('heading', { level: 3, name: TIMED.sections[0]!.title });
    await user.setup({ delay: null }).click(screen.getByRole('button', { name: 'Next section' }));
    act(() => teams.switchTheme('dark'));
    act(() => teams.switchTheme('contrast'));
    expect(screen.getByRole('heading', { level: 3, name: TIMED.sections[1]!.title })).toBeInTheDocument();
    expect(service.calls.filter((c) => c[0] === 'findPlan')).toHaveLength(1);
  });

  it('reopened in the same meeting window (a reload), the panel is where it was: section, ticked prompts, notes', async () => {
    const session = new MemoryStore();
    const first = await mount({ locale: 'en-GB' }, fakeService(), session);
    await screen.findByRole('heading', { level: 3, name: TIMED.sections[0]!.title });
    const u = user.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Next section' }));
    const second = TIMED.sections[1]!;
    await u.click(screen.getByRole('checkbox', { name: second.prompts[0]!.text }));
    await u.click(screen.getByRole('textbox', { name: 'Private notes' }));
    await u.paste('À reprendre');
    expect(first.users).toHaveLength(1);
    cleanup();

    await mount({ locale: 'en-GB' }, fakeService(), session);
    expect(await screen.findByRole('heading', { level: 3, name: second.title })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: second.prompts[0]!.text })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Private notes' })).toHaveValue('À reprendre');
  });
});
