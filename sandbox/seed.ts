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
  // A manager whose mailbox is in "India Standard Time" (a Windows name the app once turned into UTC), with a
  // report leaving and two former colleagues whose reminder series were touched in Outlook (see seedIndia).
  { given: 'Priya', surname: 'Sharma', upn: 'priya.sharma', jobTitle: 'Engineering Manager', department: 'Engineering', office: 'Bengaluru – Whitefield', zone: 'Asia/Kolkata', windowsZone: 'India Standard Time', hours: ['09:30', '18:30'], lang: 'en-GB' },
  { given: 'Arjun', surname: 'Rao', upn: 'arjun.rao', jobTitle: 'Software Engineer', department: 'Engineering', office: 'Bengaluru – Whitefield', zone: 'Asia/Kolkata', windowsZone: 'India Standard Time', hours: ['09:30', '18:30'], lang: 'en-GB', manager: 'priya.sharma', leaveInDays: 30 },
];

/**
 * Mailboxes whose default calendar may not create Teams meetings (allowedOnlineMeetingProviders []): Paul
 * Girard's. An event POSTed there with isOnlineMeeting true comes back without a join link.
 */
export const NO_TEAMS_UPNS: readonly string[] = ['paul.girard'];

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
      ...(NO_TEAMS_UPNS.includes(p.upn) ? { onlineMeetingProviders: [] } : {}),
    };
  }
  const state: State = { version: 1, seededAt: now.toISOString(), users, mailboxes };
  const store = new Store(state, null);
  seedCalendars(store, users, day, seedKey, now);
  seedIndia(store, users, day, seedKey, now);
  return state;
}

/**
 * The app's tags as it writes them (src/graph/tags.ts): the sandbox does not import the app, so the seeded
 * "already booked" reminders spell the property ids out.
 */
const TAG_SET = '{7b3c2a5e-4f61-4d8a-9c1e-2a9d5f0b8c47}';
const tag = (name: string, value: string): { id: string; value: string } => ({ id: `String ${TAG_SET} Name ${name}`, value });

/** Plan ids of Priya Sharma's two former colleagues, by how their series' zone reads back. */
export function indiaAlumniPlans(now: Date): { customized: string; empty: string } {
  const seedKey = DateTime.fromJSDate(now, { zone: 'Europe/Paris' }).startOf('day').toISODate()!;
  return { customized: seededGuid(`plan:${seedKey}:meera`), empty: seededGuid(`plan:${seedKey}:rohan`) };
}

/**
 * Priya Sharma's alumni: reconnect reminder series booked two years ago by the app (quarterly on the second
 * Tuesday, 10:00 in
 * India, five years long), then touched in Outlook so that they read back the way real series do:
 * - Meera Iyer's reads recurrenceTimeZone "Customized Time Zone" and originalStartTimeZone
 *   "tzone://Microsoft/Custom" (a custom zone saved by desktop Outlook);
 * - Rohan Gupta's reads recurrenceTimeZone "" (microsoftgraph/microsoft-graph-docs issue 6578) with
 *   originalStartTimeZone "India Standard Time".
 * Both still recur in India Standard Time, as Exchange keeps the real rule.
 */
function seedIndia(store: Store, users: UserRecord[], day: DateTime, seedKey: string, now: Date): void {
  const priya = users.find((u) => u.userPrincipalName === `priya.sharma@${DOMAIN}`)!;
  const mb = store.mailbox(priya.id);
  mb.categories.push({ id: seededGuid(`cat:${priya.id}:aurevoir`), displayName: 'Au revoir', color: 'preset5' });
  const plans = indiaAlumniPlans(now);
  const alumni = [
    { key: 'meera', given: 'Meera', surname: 'Iyer', email: 'meera.iyer@tailspin.example', company: 'Tailspin Toys', plan: plans.customized, readBack: { recurrenceTimeZone: 'Customized Time Zone', originalStartTimeZone: 'tzone://Microsoft/Custom' } },
    { key: 'rohan', given: 'Rohan', surname: 'Gupta', email: 'rohan.gupta@northwind.example', company: 'Northwind Traders', plan: plans.empty, readBack: { recurrenceTimeZone: '' } },
  ];
  const stamp = now.toISOString();
  // The second Tuesday of the month two years back, as the app lays a steady cadence (a working day).
  const month = day.setZone('Asia/Kolkata', { keepLocalTime: true }).minus({ years: 2 }).startOf('month');
  const start = month.plus({ days: ((2 - month.weekday + 7) % 7) + 7 });
  for (const a of alumni) {
    const first = start.set({ hour: 10, minute: 0 });
    const [ev] = createEvent(
      store,
      priya,
      {
        subject: `Reconnect with ${a.given} ${a.surname}`,
        body: { contentType: 'html', content: `<p>Time to catch up with ${a.given}: ${a.email}</p>` },
        start: { dateTime: first.toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: 'India Standard Time' },
        end: { dateTime: first.plus({ minutes: 15 }).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: 'India Standard Time' },
        showAs: 'free',
        isReminderOn: true,
        reminderMinutesBeforeStart: 15,
        responseRequested: false,
        categories: ['Au revoir'],
        transactionId: `aurevoir-${a.plan}-series:steady-call`,
        recurrence: {
          pattern: { type: 'relativeMonthly', interval: 3, daysOfWeek: ['tuesday'], index: 'second' },
          range: { type: 'endDate', startDate: first.toISODate(), endDate: first.plus({ years: 5 }).toISODate(), recurrenceTimeZone: 'India Standard Time' },
        },
        singleValueExtendedProperties: [tag('AuRevoirPlanId', a.plan), tag('AuRevoirRole', 'series:steady-call'), tag('AuRevoirKind', 'call')],
      },
      () => now,
      { id: seededItemId(`event:${seedKey}:india:${a.key}`), iCalUId: '040000008200E00074C5B7101A82E008' + seededGuid(`ical:${seedKey}:india:${a.key}`).replace(/-/g, '').toUpperCase() },
    );
    ev.readBack = a.readBack;
    mb.contacts.push({
      id: seededItemId(`contact:${seedKey}:india:${a.key}`, 'AAMkAGI2Q'),
      changeKey: seededItemId(`ck:${seedKey}:india:${a.key}`, ''),
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      parentFolderId: mb.defaultContactFolderId,
      data: {
        givenName: a.given,
        surname: a.surname,
        displayName: `${a.given} ${a.surname}`,
        emailAddresses: [{ name: `${a.given} ${a.surname}`, address: a.email }],
        companyName: a.company,
        categories: ['Au revoir'],
        personalNotes: '',
      },
      extProps: [tag('AuRevoirPlanId', a.plan), tag('AuRevoirRole', 'contact')],
      extensions: [],
      photo: null,
    });
  }
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

  // SEEDED DEMO MAIL (sandbox only, not Graph data): a few messages in Claire's mailbox so that "count emails
  // as contact" has something to find. Marked: internetMessageId under @demo.sandbox.invalid, and each one's
  // body says it is demo mail. Marc (a former colleague) wrote, Claire answered; Émilie and Léa (leaving soon)
  // got mail at the personal addresses the demo wizard suggests; one newsletter is noise.
  const claireMail = { emailAddress: { name: 'Claire Martin', address: claire.mail } };
  const addr = (name: string, address: string) => ({ emailAddress: { name, address } });
  const demoMessages: Array<{ key: string; folder: 'inbox' | 'sentitems'; daysAgo: number; subject: string; from: ReturnType<typeof addr>; to: Array<ReturnType<typeof addr>> }> = [
    { key: 'marc-1', folder: 'inbox', daysAgo: 20, subject: 'Des nouvelles de Fabrikam', from: addr('Marc Lefebvre', 'marc.lefebvre@fabrikam.example'), to: [claireMail] },
    { key: 'marc-2', folder: 'sentitems', daysAgo: 12, subject: 'RE: Des nouvelles de Fabrikam', from: claireMail, to: [addr('Marc Lefebvre', 'marc.lefebvre@fabrikam.example')] },
    { key: 'emilie-1', folder: 'sentitems', daysAgo: 3, subject: 'Ton pot de départ', from: claireMail, to: [addr('Émilie Laurent', 'emilie.laurent@example.org')] },
    { key: 'lea-1', folder: 'inbox', daysAgo: 2, subject: 'Mon adresse perso', from: addr('Léa Dubois', 'lea.dubois@example.net'), to: [claireMail] },
    { key: 'news-1', folder: 'inbox', daysAgo: 1, subject: 'Contoso hebdo', from: addr('Contoso Communication', 'news@contoso.example'), to: [claireMail] },
  ];
  cm.messages = demoMessages.map((d) => {
    const at = DateTime.fromJSDate(now).minus({ days: d.daysAgo }).toUTC().toISO({ suppressMilliseconds: true })!;
    return {
      id: seededItemId(`message:${seedKey}:${d.key}`, 'AAMkAGI2M'),
      changeKey: seededItemId(`mck:${seedKey}:${d.key}`, ''),
      createdDateTime: at,
      lastModifiedDateTime: at,
      folder: d.folder,
      data: {
        subject: d.subject,
        receivedDateTime: at,
        sentDateTime: at,
        hasAttachments: false,
        internetMessageId: `<${d.key}.${seedKey}@demo.sandbox.invalid>`,
        importance: 'normal',
        isRead: true,
        conversationId: seededItemId(`conv:${seedKey}:${d.key.split('-')[0]}`, 'AAQkAGI2'),
        bodyPreview: 'Sandbox demo mail.',
        body: { contentType: 'text', content: 'Sandbox demo mail (seeded, not real).' },
        sender: d.from,
        from: d.from,
        toRecipients: d.to,
        ccRecipients: [],
        bccRecipients: [],
      },
    };
  });
}

function addMinutes(hm: string, minutes: number): string {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
