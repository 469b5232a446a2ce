// The mobile-only metadata (99 KB instead of the full set's 157 KB): this field is the contact's
// mobilePhone, and with it a landline number is refused as "not a valid mobile number".
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/mobile';
import { DateTime, IANAZone } from 'luxon';
import type { Agenda, AgendaSection } from '../agenda/model';
import { validateCadence, validateWorkingHours } from '../cadence/validate';
import type { Localized } from '../types';
import {
  AGENDA_MAX_PROMPTS,
  AGENDA_MAX_SECTIONS,
  AGENDA_TEXT_MAX,
  AGENDA_TITLE_MAX,
  CONTACT_TEXT_MAX,
  CONVERSATION_MAX_MINUTES,
  CONVERSATION_MIN_MINUTES,
  DISPLAY_NAME_MAX,
  EMAIL_LOCAL_PART_MAX,
  EMAIL_MAX,
  LOCATION_MAX,
  PREP_NOTES_MAX,
  PROFILE_URL_MAX,
} from './limits';
import type { Conversation, Leaver, Plan, PlanProblem, PlanValidation } from './model';

export interface ValidatePlanOptions {
  /** The current instant: a conversation before it is in the past. */
  readonly now: Date;
  /** Country assumed for a mobile number typed without its international prefix. */
  readonly defaultCountry?: CountryCode;
}

const LOCAL_PART = /^[^\s@"(),:;<>[\]\\]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * A deliberately plain check: one @, a local part without spaces or special characters, a domain
 * of at least two labels and a top-level part of letters. Real deliverability is the mail
 * server's business; this catches typos ("jean.dupont@gmail", "jean dupont@x.fr").
 */
export const isEmail = (s: string): boolean => {
  if (s.length > EMAIL_MAX) return false;
  const at = s.lastIndexOf('@');
  if (at <= 0 || s.indexOf('@') !== at) return false;
  const local = s.slice(0, at);
  const labels = s.slice(at + 1).split('.');
  if (local.length > EMAIL_LOCAL_PART_MAX || !LOCAL_PART.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const tld = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l)) && /^\p{L}{2,}$/u.test(tld);
};

/**
 * An http(s) address, or undefined. A typed address without a scheme ("linkedin.com/in/jdupont")
 * gets https://; any other scheme (javascript:, mailto:, file:) is refused.
 */
export const normaliseProfileUrl = (typed: string): string | undefined => {
  const s = typed.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(s);
  const candidate = hasScheme ? s : `https://${s}`;
  if (!URL.canParse(candidate)) return undefined;
  const url = new URL(candidate);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return undefined;
  return hasScheme ? s : candidate;
};

const PERSONAL_FIELDS = ['personalEmail', 'mobilePhone', 'profileUrl', 'nextCompany', 'nextRole'] as const;

const msg = (fr: string, en: string): Localized => ({ fr, en });

/** Trim, and treat a blank optional text as absent. */
const opt = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/**
 * Checks a plan before booking. Returns every problem at once (so the wizard can mark every field
 * in one go), each with a stable code, the field's dotted path and a message in French and
 * English; or the plan normalised: texts trimmed, blank optional details removed, the mobile in
 * E.164, a schemeless profile address given https://.
 */
export const validatePlan = (plan: Plan, options: ValidatePlanOptions): PlanValidation => {
  const problems: PlanProblem[] = [];
  const add = (code: string, field: string, message: Localized) => problems.push({ code, field, message });
  const tooLong = (field: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) {
      add('text.tooLong', field, msg(
        `Ce texte est trop long : ${max} caractères au maximum, il en compte ${value.length}.`,
        `This is too long: ${max} characters at most, and it has ${value.length}.`,
      ));
    }
  };

  // ---- the leaver
  const l = plan.leaver;
  const displayName = l.displayName.trim();
  if (displayName === '') {
    add('leaver.displayNameEmpty', 'leaver.displayName', msg('Indiquez le nom de la personne qui part.', 'Enter the name of the person who is leaving.'));
  }
  tooLong('leaver.displayName', displayName, DISPLAY_NAME_MAX);

  const workEmail = l.workEmail.trim();
  if (!isEmail(workEmail)) {
    add('leaver.workEmailInvalid', 'leaver.workEmail', msg(
      "Cette adresse e-mail professionnelle n'est pas valide.",
      "This work email address isn't valid.",
    ));
  }

  // Invitees come from the directory (the leaver's manager, for an HR partner's plan): still checked.
  (plan.invitees ?? []).forEach((i, n) => {
    if (!isEmail(i.email.trim())) {
      add('invitees.emailInvalid', `invitees.${n}.email`, msg("Cette adresse e-mail n'est pas valide.", "This email address isn't valid."));
    }
  });

  const lastDay = DateTime.fromISO(l.lastWorkingDay);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(l.lastWorkingDay) || !lastDay.isValid) {
    add('leaver.lastWorkingDayInvalid', 'leaver.lastWorkingDay', msg(
      'Indiquez une date valide pour le dernier jour de travail.',
      'Enter a valid date for the last working day.',
    ));
  }

  const personalEmail = opt(l.personalEmail);
  if (personalEmail !== undefined) {
    if (!isEmail(personalEmail)) {
      add('leaver.personalEmailInvalid', 'leaver.personalEmail', msg(
        "Cette adresse e-mail personnelle n'est pas valide.",
        "This personal email address isn't valid.",
      ));
    } else if (personalEmail.toLowerCase() === workEmail.toLowerCase()) {
      add('leaver.personalEmailSameAsWork', 'leaver.personalEmail', msg(
        "C'est son adresse professionnelle, qui sera désactivée à son départ : demandez-lui une adresse personnelle.",
        "That's their work address, which stops working when they leave: ask them for a personal one.",
      ));
    }
  }

  const typedMobile = opt(l.mobilePhone);
  let mobilePhone: string | undefined;
  if (typedMobile !== undefined) {
    const parsed = parsePhoneNumberFromString(typedMobile, options.defaultCountry ? { defaultCountry: options.defaultCountry } : {});
    if (parsed?.isValid()) {
      mobilePhone = parsed.number;
    } else {
      add('leaver.mobilePhoneInvalid', 'leaver.mobilePhone', msg(
        "Ce numéro de mobile n'est pas valide. Saisissez-le avec l'indicatif du pays, par exemple +33 6 12 34 56 78.",
        "This mobile number isn't valid. Include the country code, for example +44 7400 123456.",
      ));
    }
  }

  const typedUrl = opt(l.profileUrl);
  let profileUrl: string | undefined;
  if (typedUrl !== undefined) {
    profileUrl = normaliseProfileUrl(typedUrl);
    if (profileUrl === undefined) {
      add('leaver.profileUrlInvalid', 'leaver.profileUrl', msg(
        'Indiquez une adresse web commençant par https://, par exemple celle de son profil LinkedIn.',
        'Enter a web address starting with https://, such as their LinkedIn profile.',
      ));
    }
    tooLong('leaver.profileUrl', profileUrl ?? typedUrl, PROFILE_URL_MAX);
  }

  const nextCompany = opt(l.nextCompany);
  const nextRole = opt(l.nextRole);
  const jobTitle = opt(l.jobTitle);
  tooLong('leaver.nextCompany', nextCompany, CONTACT_TEXT_MAX);
  tooLong('leaver.nextRole', nextRole, CONTACT_TEXT_MAX);
  tooLong('leaver.jobTitle', jobTitle, CONTACT_TEXT_MAX);

  if (!l.consentToKeepContact) {
    const given = { personalEmail, mobilePhone: typedMobile, profileUrl: typedUrl, nextCompany, nextRole };
    for (const f of PERSONAL_FIELDS) {
      if (given[f] !== undefined) {
        add('leaver.personalDetailsWithoutConsent', `leaver.${f}`, msg(
          "Ne gardez ce renseignement personnel qu'avec l'accord de la personne : cochez son accord ou effacez-le.",
          'Keep this personal detail only if they agree: tick their consent or clear it.',
        ));
      }
    }
  }

  // ---- the conversation
  const c = plan.conversation;
  const zoneOk = IANAZone.isValidZone(c.timeZone);
  if (!zoneOk) {
    add('conversation.timeZoneInvalid', 'conversation.timeZone', msg('Ce fuseau horaire est inconnu.', 'This time zone is unknown.'));
  }
  const start = DateTime.fromISO(c.start, { zone: zoneOk ? c.timeZone : 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(c.start) || !start.isValid) {
    add('conversation.startInvalid', 'conversation.start', msg("Choisissez la date et l'heure de l'entretien.", 'Choose the date and time of the conversation.'));
  } else if (zoneOk) {
    if (start.toMillis() < options.now.getTime()) {
      add('conversation.startInPast', 'conversation.start', msg(
        "Ce créneau est déjà passé : choisissez-en un autre.",
        'That time has already passed: pick another one.',
      ));
    }
    // Compared in the conversation's own zone: 23:30 in Paris on the last day is still that day.
    if (lastDay.isValid && (start.toISODate() ?? '') > l.lastWorkingDay) {
      add('conversation.startAfterLastDay', 'conversation.start', msg(
        "L'entretien doit avoir lieu au plus tard le dernier jour de travail.",
        'The conversation must take place on or before the last working day.',
      ));
    }
  }
  if (!Number.isInteger(c.durationMinutes) || c.durationMinutes < CONVERSATION_MIN_MINUTES || c.durationMinutes > CONVERSATION_MAX_MINUTES) {
    add('conversation.durationOutOfRange', 'conversation.durationMinutes', msg(
      `Prévoyez une durée comprise entre ${CONVERSATION_MIN_MINUTES} minutes et ${CONVERSATION_MAX_MINUTES / 60} heures.`,
      `Allow between ${CONVERSATION_MIN_MINUTES} minutes and ${CONVERSATION_MAX_MINUTES / 60} hours.`,
    ));
  }
  let place: Conversation['place'] = c.place;
  if (c.place.kind === 'place') {
    const location = c.place.location.trim();
    place = { kind: 'place', location };
    if (location === '') {
      add('conversation.placeMissing', 'conversation.place.location', msg(
        "Indiquez où aura lieu l'entretien, ou choisissez une réunion Teams.",
        'Say where the conversation will take place, or choose a Teams meeting.',
      ));
    }
    tooLong('conversation.place.location', location, LOCATION_MAX);
  }

  // ---- the agenda and the prep notes
  const agenda = normaliseAgenda(plan.agenda);
  const hasContent = agenda.sections.some((s) => s.title !== '' || s.prompts.length > 0);
  if (!hasContent) {
    add('agenda.empty', 'agenda.sections', msg(
      "L'ordre du jour est vide : gardez ou ajoutez au moins une partie.",
      'The agenda is empty: keep or add at least one section.',
    ));
  }
  if (agenda.sections.length > AGENDA_MAX_SECTIONS) {
    add('agenda.tooManySections', 'agenda.sections', msg(
      `${AGENDA_MAX_SECTIONS} parties au plus : regroupez-en quelques-unes.`,
      `${AGENDA_MAX_SECTIONS} sections at most: merge a few of them.`,
    ));
  }
  agenda.sections.forEach((s, i) => {
    const at = `agenda.sections.${i}`;
    if (s.title === '' && hasContent) {
      add('agenda.sectionTitleEmpty', `${at}.title`, msg('Donnez un titre à cette partie.', 'Give this section a title.'));
    }
    if (!Number.isInteger(s.weight) || s.weight <= 0) {
      add('agenda.weightInvalid', `${at}.weight`, msg(
        'La part de temps doit être un nombre entier positif.',
        'The share of time must be a positive whole number.',
      ));
    }
    tooLong(`${at}.title`, s.title, AGENDA_TITLE_MAX);
    tooLong(`${at}.purpose`, s.purpose, AGENDA_TEXT_MAX);
    if (s.prompts.length > AGENDA_MAX_PROMPTS) {
      add('agenda.tooManyPrompts', `${at}.prompts`, msg(
        `${AGENDA_MAX_PROMPTS} questions au plus par partie.`,
        `${AGENDA_MAX_PROMPTS} prompts at most per section.`,
      ));
    }
    s.prompts.forEach((p, j) => tooLong(`${at}.prompts.${j}.text`, p.text, AGENDA_TEXT_MAX));
  });
  const prepNotes = plan.prepNotes.trim();
  tooLong('prepNotes', prepNotes, PREP_NOTES_MAX);
  if (plan.prepReminder) {
    const { minutesBefore, durationMinutes } = plan.prepReminder;
    if (!Number.isInteger(minutesBefore) || minutesBefore < 0 || !Number.isInteger(durationMinutes) || durationMinutes <= 0) {
      add('prepReminder.invalid', 'prepReminder', msg(
        'Le temps de préparation doit être un nombre entier de minutes.',
        'Prep time must be a whole number of minutes.',
      ));
    }
  }

  // ---- the manager and the reconnect cadence
  const managerEmail = plan.manager.email.trim();
  if (!isEmail(managerEmail)) {
    add('manager.emailInvalid', 'manager.email', msg("Votre adresse e-mail n'est pas valide.", "Your email address isn't valid."));
  }
  if (plan.reconnect) {
    for (const p of validateWorkingHours(plan.manager.workingHours)) problems.push({ ...p, field: `manager.workingHours.${p.field}` });
    for (const p of validateCadence(plan.cadence)) problems.push({ ...p, field: `cadence.${p.field}` });
  }

  if (problems.length > 0) return { ok: false, problems };

  const leaver: Leaver = {
    ...stripOptional(l),
    displayName,
    workEmail,
    consentToKeepContact: l.consentToKeepContact,
    ...(jobTitle === undefined ? {} : { jobTitle }),
    ...(personalEmail === undefined ? {} : { personalEmail }),
    ...(mobilePhone === undefined ? {} : { mobilePhone }),
    ...(profileUrl === undefined ? {} : { profileUrl }),
    ...(nextCompany === undefined ? {} : { nextCompany }),
    ...(nextRole === undefined ? {} : { nextRole }),
  };
  return {
    ok: true,
    plan: {
      ...plan,
      manager: { ...plan.manager, displayName: plan.manager.displayName.trim(), email: managerEmail },
      leaver,
      conversation: { ...c, place },
      agenda,
      prepNotes,
    },
  };
};

/** The leaver without the optional texts, which are put back only when not blank. */
const stripOptional = (l: Leaver): Pick<Leaver, 'userId' | 'lastWorkingDay'> =>
  l.userId === undefined ? { lastWorkingDay: l.lastWorkingDay } : { userId: l.userId, lastWorkingDay: l.lastWorkingDay };

/** Titles, purposes and prompts trimmed; prompts left blank are dropped (the editor's empty new lines). */
const normaliseAgenda = (agenda: Agenda): Agenda => ({
  ...agenda,
  sections: agenda.sections.map((s): AgendaSection => ({
    ...s,
    title: s.title.trim(),
    purpose: s.purpose.trim(),
    prompts: s.prompts.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text !== ''),
  })),
});
