// The demo organisation (Contoso): Claire Martin's team in Paris and New York, an HR partner, and a second
// manager without access to leave dates. Dates are relative to the seed time and the calendars are
// deterministic for a given seed day, so a test can rely on what is there.
import { DateTime } from 'luxon';
import { seededGuid, seededItemId } from './core';
import { createEvent } from './events';
import { initialsOf, initialsPng } from './photos';
import type { Mailbox, State, UserRecord } from './store';
import { Store } from './store';

export const DOMAIN = 'contoso.example';

interface Person {
  given: string;
  surname: string;
  upn: string;
  jobTitle: string;
  department: string;
  office: string;
  zone: string;
  windowsZone: string;
  hours: [string, string];
  lang: 'fr-FR' | 'en-US' | 'en-GB';
  manager?: string;
  canReadLeave?: boolean;
  leaveInDays?: number;
  photo?: boolean;
  phone?: string;
}

export const PEOPLE: readonly Person[] = [
  { given: 'Claire', surname: 'Martin', upn: 'claire.martin', jobTitle: 'Responsable ingénierie', department: 'Ingénierie', office: 'Paris – La Défense', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['09:00', '18:00'], lang: 'fr-FR', canReadLeave: true, phone: '+33 6 12 34 56 78' },
  { given: 'Nadia', surname: 'Haddad', upn: 'nadia.haddad', jobTitle: 'HR Business Partner', department: 'Ressources humaines', office: 'Paris – La Défense', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['09:00', '17:30'], lang: 'fr-FR', canReadLeave: true },
  { given: 'Sarah', surname: 'Johnson', upn: 'sarah.johnson', jobTitle: 'Senior Software Engineer', department: 'Engineering', office: 'New York – Hudson Yards', zone: 'America/New_York', windowsZone: 'Eastern Standard Time', hours: ['09:00', '17:00'], lang: 'en-US', manager: 'claire.martin', phone: '+1 212 555 0142' },
  { given: 'Émilie', surname: 'Laurent', upn: 'emilie.laurent', jobTitle: 'Designer produit', department: 'Ingénierie', office: 'Paris – La Défense', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['09:30', '18:00'], lang: 'fr-FR', manager: 'claire.martin', leaveInDays: 12 },
  { given: 'Léa', surname: 'Dubois', upn: 'lea.dubois', jobTitle: 'Analyste de données', department: 'Ingénierie', office: 'Lyon – Part-Dieu', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['08:30', '17:00'], lang: 'fr-FR', manager: 'claire.martin', leaveInDays: 24 },
  { given: 'Thomas', surname: 'Bernard', upn: 'thomas.bernard', jobTitle: 'Développeur', department: 'Ingénierie', office: 'Paris – La Défense', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['09:00', '18:00'], lang: 'fr-FR', manager: 'claire.martin' },
  { given: 'James', surname: 'Wilson', upn: 'james.wilson', jobTitle: 'QA Lead', department: 'Engineering', office: 'London – King’s Cross', zone: 'Europe/London', windowsZone: 'GMT Standard Time', hours: ['09:00', '17:30'], lang: 'en-GB', manager: 'claire.martin' },
  { given: 'Hugo', surname: 'Petit', upn: 'hugo.petit', jobTitle: 'Ingénieur DevOps', department: 'Ingénierie', office: 'Paris – La Défense', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['08:00', '16:30'], lang: 'fr-FR', manager: 'claire.martin', photo: false },
  { given: 'Emily', surname: 'Carter', upn: 'emily.carter', jobTitle: 'Technical Writer', department: 'Engineering', office: 'New York – Hudson Yards', zone: 'America/New_York', windowsZone: 'Eastern Standard Time', hours: ['10:00', '18:00'], lang: 'en-US', manager: 'claire.martin' },
  { given: 'Paul', surname: 'Girard', upn: 'paul.girard', jobTitle: 'Directeur commercial', department: 'Ventes', office: 'Paris – La Défense', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['09:00', '18:00'], lang: 'fr-FR' },
  { given: 'Julien', surname: 'Moreau', upn: 'julien.moreau', jobTitle: 'Ingénieur commercial', department: 'Ventes', office: 'Bordeaux', zone: 'Europe/Paris', windowsZone: 'Romance Standard Time', hours: ['09:00', '18:00'], lang: 'fr-FR', manager: 'paul.girard', leaveInDays: 40 },
];

/** mulberry32: a small deterministic PRNG, so the calendars are the same for the same seed day. */
function prng(seed: string): () => number {
  let a = 0;
  for (const ch of seed) a = (Math.imul(a ^ ch.charCodeAt(0), 2654435761) + 0x9e3779b9) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

// Seeding takes a few hundred milliseconds (time-zone maths for ~300 events); tests and resets start many
// sandboxes on the same day, so keep one pristine copy per seed day and hand out clones.
const seedCache = new Map<string, State>();

export function seedState(now: Date): State {
  const day = DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).startOf('day');
  const seedKey = day.toISODate()!;
  let pristine = seedCache.get(seedKey);
  if (pristine === undefined) {
    pristine = buildSeed(now, day, seedKey);
    seedCache.clear();
    seedCache.set(seedKey, pristine);
  }
  return structuredClone(pristine);
}

function buildSeed(now: Date, day: DateTime, seedKey: string): State {
  const users: UserRecord[] = PEOPLE.map((p, i) => {
    const mail = `${p.upn}@${DOMAIN}`;
    return {
      id: seededGuid(`user:${mail}`),
      userPrincipalName: mail,
      mail,
      displayName: `${p.given} ${p.surname}`,
      givenName: p.given,
      surname: p.surname,
      jobTitle: p.jobTitle,
      department: p.department,
      officeLocation: p.office,
      businessPhones: [],
      mobilePhone: p.phone ?? null,
      preferredLanguage: p.lang,
      employeeLeaveDateTime: p.leaveInDays === undefined ? null : day.plus({ days: p.leaveInDays }).set({ hour: 18 }).toUTC().toISO({ suppressMilliseconds: true }),
      managerId: null,
      canReadLeaveDates: p.canReadLeave === true,
      photo: p.photo === false ? null : initialsPng(initialsOf(p.given, p.surname), i).toString('base64'),
    };
  });
  for (const [i, p] of PEOPLE.entries()) {
    if (p.manager) users[i]!.managerId = users.find((u) => u.userPrincipalName === `${p.manager}@${DOMAIN}`)!.id;
  }
  const mailboxes: Record<string, Mailbox> = {};
  for (const [i, u] of users.entries()) {
    const p = PEOPLE[i]!;
    mailboxes[u.id] = {
      userId: u.id,
      settings: {
        timeZone: p.windowsZone,
        workingHours: { daysOfWeek: [...WEEKDAYS], startTime: `${p.hours[0]}:00.0000000`, endTime: `${p.hours[1]}:00.0000000`, timeZone: { name: p.windowsZone } },
        language: { locale: p.lang, displayName: p.lang === 'fr-FR' ? 'français (France)' : p.lang === 'en-GB' ? 'English (United Kingdom)' : 'English (United States)' },
        dateFormat: p.lang === 'en-US' ? 'M/d/yyyy' : 'dd/MM/yyyy',
        timeFormat: p.lang === 'en-US' ? 'h:mm tt' : 'HH:mm',
      },
      events: [],
      contacts: [],
      defaultContactFolderId: seededItemId(`contacts-root:${u.id}`, 'AAMkAGI2F'),
      contactFolders: [],
      categories: [
        { id: seededGuid(`cat:${u.id}:red`), displayName: 'Red category', color: 'preset0' },
        { id: seededGuid(`cat:${u.id}:orange`), displayName: 'Orange category', color: 'preset1' },
        { id: seededGuid(`cat:${u.id}:blue`), displayName: 'Blue category', color: 'preset7' },
      ],
      cancellations: [],
      transactions: {},
    };
  }
  const state: State = { version: 1, seededAt: now.toISOString(), users, mailboxes };
  seedCalendars(new Store(state, null), users, day, seedKey, now);
  return state;
}

function seedCalendars(store: Store, users: UserRecord[], day: DateTime, seedKey: string, now: Date): void {
  const byUpn = (upn: string): UserRecord => users.find((u) => u.userPrincipalName === `${upn}@${DOMAIN}`)!;
  const person = (u: UserRecord): Person => PEOPLE.find((p) => `${p.upn}@${DOMAIN}` === u.userPrincipalName)!;
  const clock = (): Date => now;
  let n = 0;
  const make = (owner: UserRecord, body: Record<string, unknown>): void => {
    n++;
    createEvent(store, owner, body, clock, { id: seededItemId(`event:${seedKey}:${n}`), iCalUId: '040000008200E00074C5B7101A82E008' + seededGuid(`ical:${seedKey}:${n}`).replace(/-/g, '').toUpperCase() });
  };
  const at = (d: DateTime, hm: string, zone: string): { dateTime: string; timeZone: string } => {
    const [h, m] = hm.split(':').map(Number);
    return { dateTime: d.setZone(zone, { keepLocalTime: true }).set({ hour: h, minute: m }).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: zone };
  };
  const attendee = (u: UserRecord): Record<string, unknown> => ({ type: 'required', emailAddress: { name: u.displayName, address: u.mail } });
  const monday = day.startOf('week');
  const claire = byUpn('claire.martin');
  const team = users.filter((u) => u.managerId === claire.id);
  const paris = 'Europe/Paris';

  // Daily stand-up, the whole team, 09:30 Paris (early morning is impossible for New York: they join async).
  make(claire, {
    subject: 'Point quotidien',
    body: { contentType: 'html', content: '<p>Ce qu’on a fait hier, ce qu’on fait aujourd’hui, ce qui bloque.</p>' },
    start: at(monday, '09:30', paris),
    end: at(monday, '09:45', paris),
    location: { displayName: 'Teams' },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    attendees: team.filter((u) => person(u).zone !== 'America/New_York').map(attendee),
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: WEEKDAYS, firstDayOfWeek: 'monday' },
      range: { type: 'noEnd', startDate: monday.toISODate(), recurrenceTimeZone: 'Romance Standard Time' },
    },
  });
  // Weekly 1:1s with each report, spread over the week, at an hour that suits both zones.
  team.forEach((u, i) => {
    const p = person(u);
    const weekday = WEEKDAYS[i % 5]!;
    const first = monday.plus({ days: i % 5 });
    const hour = p.zone === 'America/New_York' ? '16:00' : ['10:30', '14:00', '15:30', '11:00', '16:30'][i % 5]!;
    make(claire, {
      subject: `1:1 Claire / ${u.givenName}`,
      start: at(first, hour, paris),
      end: at(first, addMinutes(hour, 30), paris),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      attendees: [attendee(u)],
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: [weekday], firstDayOfWeek: 'sunday' },
        range: { type: 'endDate', startDate: first.toISODate(), endDate: monday.plus({ weeks: 8 }).toISODate(), recurrenceTimeZone: 'Romance Standard Time' },
      },
    });
  });
  // Sprint reviews every other Thursday afternoon (a time New York can make).
  make(claire, {
    subject: 'Revue de sprint',
    start: at(monday.plus({ days: 3 }), '16:00', paris),
    end: at(monday.plus({ days: 3 }), '17:00', paris),
    location: { displayName: 'Salle Rivoli' },
    attendees: team.map(attendee),
    recurrence: {
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['thursday'], firstDayOfWeek: 'sunday' },
      range: { type: 'numbered', startDate: monday.plus({ days: 3 }).toISODate(), numberOfOccurrences: 4, recurrenceTimeZone: 'Romance Standard Time' },
    },
  });
  // Monthly HR check-in between Claire and Nadia: first Tuesday of the month.
  const nadia = byUpn('nadia.haddad');
  make(nadia, {
    subject: 'Point RH mensuel',
    start: at(monday.plus({ days: 1 }), '11:00', paris),
    end: at(monday.plus({ days: 1 }), '11:45', paris),
    attendees: [attendee(claire)],
    recurrence: {
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'first' },
      range: { type: 'numbered', startDate: monday.plus({ days: 1 }).toISODate(), numberOfOccurrences: 3, recurrenceTimeZone: 'Romance Standard Time' },
    },
  });

  // Per-person single events over six weeks: focus blocks, meetings, a day off, deterministic per seed day.
  for (const u of users) {
    const p = person(u);
    const rnd = prng(`${seedKey}:${u.userPrincipalName}`);
    for (let week = 0; week < 6; week++) {
      for (let d = 0; d < 5; d++) {
        const date = monday.plus({ weeks: week, days: d });
        if (rnd() < 0.45) {
          const startH = 13 + Math.floor(rnd() * 3);
          make(u, {
            subject: p.lang === 'fr-FR' ? 'Concentration' : 'Focus time',
            start: at(date, `${String(startH).padStart(2, '0')}:00`, p.zone),
            end: at(date, `${String(startH + 2).padStart(2, '0')}:00`, p.zone),
            showAs: 'busy',
            isReminderOn: false,
            categories: ['Blue category'],
          });
        }
        if (rnd() < 0.3) {
          const startH = 10 + Math.floor(rnd() * 2);
          make(u, {
            subject: p.lang === 'fr-FR' ? ['Atelier conception', 'Revue de code', 'Point client', 'Déjeuner d’équipe'][Math.floor(rnd() * 4)]! : ['Design review', 'Customer call', 'Hiring interview', 'Vendor sync'][Math.floor(rnd() * 4)]!,
            start: at(date, `${String(startH).padStart(2, '0')}:00`, p.zone),
            end: at(date, `${String(startH).padStart(2, '0')}:45`, p.zone),
            showAs: rnd() < 0.2 ? 'tentative' : 'busy',
          });
        }
      }
    }
    // One all-day absence per person in the six weeks.
    const off = monday.plus({ days: 7 + Math.floor(rnd() * 28) });
    const offDay = off.weekday > 5 ? off.plus({ days: 8 - off.weekday }) : off;
    make(u, {
      subject: p.lang === 'fr-FR' ? 'Absent(e)' : 'Out of office',
      isAllDay: true,
      start: { dateTime: offDay.toFormat("yyyy-MM-dd'T'00:00:00"), timeZone: p.zone },
      end: { dateTime: offDay.plus({ days: 1 }).toFormat("yyyy-MM-dd'T'00:00:00"), timeZone: p.zone },
      showAs: 'oof',
      isReminderOn: false,
    });
  }

  // A few contacts in Claire's mailbox, among them a former colleague already in touch.
  const cm = store.mailbox(claire.id);
  const stamp = now.toISOString();
  cm.contacts.push({
    id: seededItemId(`contact:${seedKey}:1`, 'AAMkAGI2Q'),
    changeKey: seededItemId(`ck:${seedKey}:1`, ''),
    createdDateTime: stamp,
    lastModifiedDateTime: stamp,
    parentFolderId: cm.defaultContactFolderId,
    data: {
      givenName: 'Marc',
      surname: 'Lefebvre',
      displayName: 'Marc Lefebvre',
      emailAddresses: [{ name: 'Marc Lefebvre', address: 'marc.lefebvre@fabrikam.example' }],
      mobilePhone: '+33 6 98 76 54 32',
      companyName: 'Fabrikam',
      jobTitle: 'CTO',
      personalNotes: 'Ancien collègue, parti en 2025.',
    },
    extProps: [],
    extensions: [],
    photo: null,
  });
}

function addMinutes(hm: string, minutes: number): string {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
