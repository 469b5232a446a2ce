/**
 * The template form's reducer and its pure selectors (src/apps/addin/template/state.ts): what the form
 * starts from, how picking a leaver fills the last day, what applying and booking show meanwhile, and
 * what the form says is missing.
 */
import {
  OTHER,
  chosenLeaver,
  initialTemplateState,
  templateProblems,
  templateReducer,
  type TemplateAction,
  type TemplateContext,
  type TemplateState,
} from '../../../src/apps/addin/template/state';
import { DEFAULT_WORKING_HOURS, ianaTimeZone } from '../../../src/domain/types';
import { AppError } from '../../../src/domain/errors';
import { planId } from '../../../src/domain/types';
import type { Receipt } from '../../../src/workflows/service';
import { claire, lea, sarah } from '../../fixtures';

const ctx = (over: Partial<TemplateContext> = {}): TemplateContext => ({
  me: claire,
  settings: { timeZone: ianaTimeZone('Europe/Paris'), workingHours: DEFAULT_WORKING_HOURS },
  candidates: [
    { displayName: sarah.displayName, email: 'Sarah.Johnson@contoso.example' },
    { displayName: 'Tom', email: 'tom@contoso.example' },
  ],
  lastDays: new Map([['sarah.johnson@contoso.example', '2026-12-18'], [lea.mail, '2027-01-31']]),
  length: 30,
  ...over,
});

const run = (state: TemplateState, ...actions: TemplateAction[]): TemplateState => actions.reduce(templateReducer, state);
const start = (over: Partial<TemplateContext> = {}) => initialTemplateState({ ctx: ctx(over), uiLang: 'fr' });

describe('templateReducer', () => {
  it('starts on the first attendee, with their last day (looked up case-blind), the meeting’s length and the UI language', () => {
    expect(start()).toMatchObject({ choice: 'Sarah.Johnson@contoso.example', lastDay: '2026-12-18', length: 30, agendaLang: 'fr', preset: 'gentle', consent: false, showErrors: false });
    // Nobody on the meeting: the directory search, and no last day.
    expect(start({ candidates: [] })).toMatchObject({ choice: OTHER, lastDay: '' });
  });

  it('fills the last day the departures list knows for the new leaver, and keeps what was typed when it knows none', () => {
    const typed = run(start(), { type: 'edit', changes: { lastDay: '2026-12-01' } });
    expect(run(typed, { type: 'chooseLeaver', choice: 'tom@contoso.example', knownLastDay: undefined })).toMatchObject({ choice: 'tom@contoso.example', lastDay: '2026-12-01' });
    const other = run(typed, { type: 'chooseLeaver', choice: OTHER, knownLastDay: undefined }, { type: 'pickOther', person: lea, knownLastDay: '2027-01-31' });
    expect(other).toMatchObject({ choice: OTHER, other: lea, lastDay: '2027-01-31' });
    // Un-choosing in the directory forgets the person, not the day.
    expect(run(other, { type: 'pickOther', person: undefined, knownLastDay: undefined })).toMatchObject({ other: undefined, lastDay: '2027-01-31' });
  });

  it('applying: the button is busy, then shows the result or the error, and a new try clears the old error', () => {
    const failed = run(start(), { type: 'validate' }, { type: 'applyStarted' });
    expect(failed).toMatchObject({ showErrors: true, applying: true });
    const error = new AppError({ code: 'host.unsupported' });
    const afterError = run(failed, { type: 'applyFailed', error });
    expect(afterError).toMatchObject({ applying: false, applyError: error, applied: undefined });
    const result = { teamsBlockKept: true, replacedPrevious: false, attendeeAdded: true, categoryAdded: true };
    const retried = run(afterError, { type: 'applyStarted' });
    expect(retried.applyError).toBeUndefined();
    expect(run(retried, { type: 'applied', result })).toMatchObject({ applying: false, applied: result });
    expect(run(afterError, { type: 'dismissApplyError' }).applyError).toBeUndefined();
  });

  it('booking: a new try clears the last receipt and error; progress shows until the receipt or the error arrives', () => {
    const receipt: Receipt = { planId: planId('p'), objects: [], complete: false, missing: ['contact'] };
    const once = run(start(), { type: 'bookStarted' }, { type: 'bookProgress', progress: { done: 0, total: 1, phase: 'checking' } });
    expect(once.progress).toEqual({ done: 0, total: 1, phase: 'checking' });
    const partial = run(once, { type: 'bookProgress', progress: { done: 2, total: 5, phase: 'booking' } }, { type: 'booked', receipt });
    expect(partial).toMatchObject({ progress: undefined, receipt });
    const again = run(partial, { type: 'bookStarted' });
    expect(again.receipt).toBeUndefined();
    const error = new AppError({ code: 'graph.throttled' });
    expect(run(again, { type: 'bookProgress', progress: { done: 1, total: 5, phase: 'retrying' } }, { type: 'bookFailed', error })).toMatchObject({ progress: undefined, bookError: error });
    expect(run(run(again, { type: 'bookFailed', error }), { type: 'dismissBookError' }).bookError).toBeUndefined();
  });

  it('never changes the state it is given', () => {
    const before = start();
    const copy = { ...before };
    run(before, { type: 'edit', changes: { consent: true, mobile: '+33 6' } }, { type: 'validate' }, { type: 'chooseLeaver', choice: OTHER, knownLastDay: '2027-02-02' });
    expect(before).toEqual(copy);
  });
});

describe('what the form says is missing', () => {
  it('names the leaver as a LeaverChoice, an attendee or the person from the directory', () => {
    expect(chosenLeaver(start(), ctx().candidates)).toEqual({ displayName: sarah.displayName, email: 'Sarah.Johnson@contoso.example' });
    const other = run(start(), { type: 'chooseLeaver', choice: OTHER, knownLastDay: undefined });
    expect(chosenLeaver(other, ctx().candidates)).toBeUndefined();
    expect(chosenLeaver(run(other, { type: 'pickOther', person: lea, knownLastDay: undefined }), ctx().candidates)).toEqual({
      displayName: lea.displayName,
      email: lea.mail,
      userId: lea.id,
      jobTitle: lea.jobTitle,
    });
  });

  it('a leaver, a valid email, a last day, and, for a message’s sender, a start in the mailbox’s zone', () => {
    const s = start();
    const leaver = chosenLeaver(s, ctx().candidates);
    expect(templateProblems(s, leaver, 'compose', 'Europe/Paris')).toEqual({ leaver: undefined, lastDay: undefined, start: undefined, startInstant: undefined });
    expect(templateProblems(s, undefined, 'compose', 'Europe/Paris').leaver).toBe('validation.leaver');
    expect(templateProblems(s, { displayName: 'X', email: 'not-an-address' }, 'compose', 'Europe/Paris').leaver).toBe('validation.email');
    expect(templateProblems(run(s, { type: 'edit', changes: { lastDay: '18/12/2026' } }), leaver, 'compose', 'Europe/Paris').lastDay).toBe('validation.lastDay');
    expect(templateProblems(s, leaver, 'sender', 'Europe/Paris')).toMatchObject({ start: 'validation.start', startInstant: undefined });
    const timed = run(s, { type: 'edit', changes: { start: '2026-12-10T14:30' } });
    // 14:30 in Paris in December is 13:30Z.
    expect(templateProblems(timed, leaver, 'sender', 'Europe/Paris')).toMatchObject({ start: undefined, startInstant: new Date('2026-12-10T13:30:00Z') });
  });
});
