import fc from 'fast-check';
import { renderInviteHtml } from '../../../src/domain/agenda';
import { defaultAgenda, timeAgenda } from '../../../src/domain/agenda';
import { announcementDue, parseSectionHeading, sameThread, sectionTimer, summaryNote, threadIdFromJoinUrl } from '../../../src/domain/meeting';
import { runs } from '../support/fast-check';

describe('the meeting a join URL belongs to', () => {
  it('reads the chat thread of a Teams join URL, escaped either way', () => {
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA4ZGQ1YzQtZTQ0Mi00@thread.v2/0?context=%7b%22Tid%22%7d';
    expect(threadIdFromJoinUrl(url)).toBe('19:meeting_NjA4ZGQ1YzQtZTQ0Mi00@thread.v2');
    expect(threadIdFromJoinUrl(url.replace('%3a', '%3A').replace('@', '%40'))).toBe('19:meeting_NjA4ZGQ1YzQtZTQ0Mi00@thread.v2');
    expect(sameThread('19:meeting_ABC@thread.v2', '19:meeting_abc@thread.v2')).toBe(true);
  });
  it('gives nothing for a URL without one (never a guess)', () => {
    expect(threadIdFromJoinUrl(undefined)).toBeUndefined();
    expect(threadIdFromJoinUrl('https://teams.microsoft.com/l/meetup-join/%E0%A4%A')).toBeUndefined();
    expect(threadIdFromJoinUrl('https://zoom.us/j/123')).toBeUndefined();
    expect(sameThread(undefined, undefined)).toBe(false);
  });
});

describe('section headings as the invite writes them', () => {
  it.each(['fr', 'en'] as const)('%s: every heading of the rendered invite gives back its title and minutes', (lang) => {
    for (const minutes of [30, 45, 60, 90]) {
      const timed = timeAgenda(defaultAgenda(lang), minutes);
      const html = renderInviteHtml({ agenda: defaultAgenda(lang), durationMinutes: minutes, leaverName: 'X' });
      const headings = [...html.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"));
      expect(headings.map(parseSectionHeading)).toEqual(timed.sections.map((s) => ({ title: s.title, minutes: s.minutes })));
    }
  });
  it('accepts what a person may have edited: no number, no minutes', () => {
    expect(parseSectionHeading('  Bilan  ')).toEqual({ title: 'Bilan', minutes: 0 });
    expect(parseSectionHeading('3) La suite · 10 min')).toEqual({ title: 'La suite', minutes: 10 });
  });
});

describe('the section timer', () => {
  it('never has time left and time over at once; used stays within 0..1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 20_000 }), (minutes, elapsed) => {
        const t = sectionTimer(minutes, elapsed);
        expect(t.remainingSeconds > 0 && t.overSeconds > 0).toBe(false);
        expect(t.used).toBeGreaterThanOrEqual(0);
        expect(t.used).toBeLessThanOrEqual(1);
        if (minutes > 0) expect(t.remainingSeconds - t.overSeconds).toBe(minutes * 60 - elapsed);
      }),
    );
  });
  it('announces at most once a minute (plus phase changes) over a whole section', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (minutes) => {
        let count = 0;
        for (let s = 1; s <= minutes * 60 + 120; s++) if (announcementDue(minutes, s - 1, s)) count++;
        expect(count).toBeGreaterThanOrEqual(minutes);
        expect(count).toBeLessThanOrEqual(minutes + 4);
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('the summary note', () => {
  it('is in the agenda language, keeps the lines as typed, and lists what was covered', () => {
    expect(summaryNote('en', ' Great talk \n\n Wants to stay in touch ', ['Looking back'])).toBe('Exit conversation: Great talk\nWants to stay in touch\nCovered: Looking back');
    expect(summaryNote('fr', 'Très bien', [])).toBe('Entretien de départ\u00a0: Très bien');
  });
});
