import type { TouchpointKind } from '../cadence/model';
import type { Lang } from '../types';
import { STYLE, esc, fill, frenchSpacing, isolate, link, mailtoUrl, oneLine, p, root, subjectWithName, telUrl, webUrl } from './html';
import type { RenderedMessage } from './prep';

/**
 * The body of a reconnect reminder (a short event for the manager alone): who, how to reach them,
 * and an idea for what to talk about. Nothing in it depends on a date or on which occurrence it is,
 * so the same text serves a one-off event and every occurrence of a recurring series.
 *
 * The conversation ideas follow the source article's ideas 3, 4 and 6 (the world is small, good
 * turns go both ways, keep the relationship alive with news, a call, an email, a lunch), written
 * in the project's own words, separately for each language.
 */
export interface TouchpointLeaver {
  readonly displayName: string;
  readonly personalEmail?: string;
  readonly mobilePhone?: string;
  readonly profileUrl?: string;
  readonly nextCompany?: string;
  readonly nextRole?: string;
}

export interface TouchpointInput {
  readonly lang: Lang;
  readonly kind: TouchpointKind;
  readonly leaver: TouchpointLeaver;
  /** Picks the conversation idea, modulo the number of ideas for this kind (any integer). */
  readonly promptIndex: number;
}

const PROMPTS: Readonly<Record<Lang, Readonly<Record<TouchpointKind, readonly string[]>>>> = {
  fr: {
    call: [
      'Demandez comment se passe la prise de poste et ce qui a été le plus surprenant jusqu’ici.',
      'Partagez une nouvelle de l’équipe qui devrait faire plaisir : un projet abouti, une arrivée, un pot de départ.',
      'Y a-t-il quelqu’un que vous pourriez présenter, ou une recommandation à faire ? Proposez-le simplement.',
      'Parlez de vos projets respectifs : vos chemins se recroiseront peut-être plus tôt que prévu, comme partenaires ou clients.',
    ],
    email: [
      'Un article, un événement ou une offre d’emploi pourrait être utile ? Envoyez-le avec deux lignes personnelles.',
      'Donnez quelques nouvelles de l’équipe et demandez des siennes, sans attendre de réponse immédiate.',
      'Une promotion ou un projet réussi repéré sur son profil ? C’est l’occasion d’envoyer vos félicitations.',
      'Demandez simplement si vous pouvez être utile en ce moment : un contact, un conseil, une relecture.',
    ],
    lunch: [
      'Proposez deux ou trois dates et un lieu facile d’accès pour vous deux.',
      'Pourquoi ne pas convier aussi un ou deux anciens collègues ? Les retrouvailles n’en seront que plus chaleureuses.',
      'Au café, parlez de ce que chacun pourrait faire pour l’autre : une introduction, une recommandation, un conseil.',
      'Choisissez un endroit où l’on s’entend parler : c’est un déjeuner pour se retrouver, pas une réunion.',
    ],
  },
  en: {
    call: [
      'Ask how the new job is going, and what has surprised them most so far.',
      "Pass on some team news they'd be glad to hear: a project that shipped, a new face, a leaving do.",
      'Is there someone you could introduce them to, or a reference you could give? Just offer.',
      "Compare notes on what you're each working on: your paths may cross again sooner than you think, as partners or clients.",
    ],
    email: [
      "Spotted an article, an event or a job opening they'd find useful? Send it with a couple of personal lines.",
      'Share a little news from the team and ask for theirs, with no pressure to reply straight away.',
      "Seen a promotion or a win on their profile? That's the perfect excuse for a quick congratulations.",
      "Simply ask whether there's anything you could help with right now: a contact, some advice, a second pair of eyes.",
    ],
    lunch: [
      'Suggest two or three dates and somewhere easy for both of you to get to.',
      'Why not bring along a former teammate or two? Reunions are more fun in company.',
      'Over coffee, talk about what you could each do for the other: an introduction, a reference, a bit of advice.',
      'Pick somewhere quiet enough to talk: this is a catch-up, not a working lunch.',
    ],
  },
};

/** The conversation ideas for a kind, in a language (read-only; for the UI and tests). */
export const touchpointPrompts = (lang: Lang, kind: TouchpointKind): readonly string[] =>
  lang === 'fr' ? PROMPTS.fr[kind].map(frenchSpacing) : PROMPTS.en[kind];

interface TouchpointWords {
  readonly subject: Readonly<Record<TouchpointKind, (name: string) => string>>;
  /** Slot: {{name}}. */
  readonly intro: Readonly<Record<TouchpointKind, string>>;
  /** Where they work now, slots {{role}} and {{company}}: with both, role only, company only. */
  readonly now: { readonly both: string; readonly role: string; readonly company: string };
  readonly reach: string;
  readonly email: string;
  readonly mobile: string;
  readonly profile: string;
  readonly noDetails: string;
  readonly idea: string;
  readonly footer: string;
}

// French names take « à » and « avec » only: « de Anne » would need elision (« d’Anne »).
const WORDS: Readonly<Record<Lang, TouchpointWords>> = {
  fr: {
    subject: {
      call: (n) => `Appeler ${n} pour prendre des nouvelles`,
      email: (n) => `Écrire un petit mot à ${n}`,
      lunch: (n) => `Proposer un déjeuner à ${n}`,
    },
    intro: {
      call: frenchSpacing('C’est le moment de passer un coup de fil à {{name}} pour savoir comment ça va.'),
      email: frenchSpacing('Un petit message à {{name}} pour garder le lien ? Quelques lignes suffisent.'),
      lunch: frenchSpacing(
        'Et si vous proposiez un déjeuner à {{name}} ? En s’y prenant quelques semaines à l’avance, la date est plus facile à caler.',
      ),
    },
    now: {
      both: frenchSpacing('Aujourd’hui : {{role}} chez {{company}}.'),
      role: frenchSpacing('Aujourd’hui : {{role}}.'),
      company: 'Aujourd’hui chez {{company}}.',
    },
    reach: 'Coordonnées',
    email: 'E-mail',
    mobile: 'Mobile',
    profile: 'Profil',
    noDetails: frenchSpacing('Aucune coordonnée personnelle enregistrée : consultez la fiche contact dans Outlook.'),
    idea: 'Une idée pour la conversation',
    footer: 'Rappel créé par Au revoir pour entretenir le lien.',
  },
  en: {
    subject: {
      call: (n) => `Give ${n} a call to catch up`,
      email: (n) => `Drop ${n} a line`,
      lunch: (n) => `Suggest lunch with ${n}`,
    },
    intro: {
      call: 'Time to give {{name}} a ring and hear how things are going.',
      email: 'A good moment to send {{name}} a quick note and keep in touch. A few lines will do.',
      lunch: 'Why not invite {{name}} to lunch? Suggesting a date a few weeks ahead makes it easier to fit in.',
    },
    now: { both: 'Now {{role}} at {{company}}.', role: 'Now {{role}}.', company: 'Now at {{company}}.' },
    reach: 'How to reach them',
    email: 'Email',
    mobile: 'Mobile',
    profile: 'Profile',
    noDetails: 'No personal details saved: check their contact card in Outlook.',
    idea: 'Something to talk about',
    footer: 'A reminder from Au revoir to help you stay in touch.',
  },
};

/** Maps any number to a valid index in 0..count-1 (negative and fractional numbers included). */
const pick = (index: number, count: number): number => {
  const i = Number.isFinite(index) ? Math.trunc(index) : 0;
  return ((i % count) + count) % count;
};

interface ContactLine {
  readonly label: string;
  /** Safe HTML for the value: a link, or the escaped text when it cannot be one. */
  readonly html: string;
  readonly text: string;
}


export const renderTouchpoint = (input: TouchpointInput): RenderedMessage => {
  const { lang, kind, leaver } = input;
  const w = WORDS[lang];
  const name = oneLine(leaver.displayName);
  // A nameless contact still gets a readable sentence.
  const who = name === '' ? (lang === 'fr' ? 'votre ex-collègue' : 'your former colleague') : name;
  const prompts = touchpointPrompts(lang, kind);
  const prompt = prompts[pick(input.promptIndex, prompts.length)] ?? '';

  const role = oneLine(leaver.nextRole ?? '');
  const company = oneLine(leaver.nextCompany ?? '');
  const nowTemplate = role && company ? w.now.both : role ? w.now.role : company ? w.now.company : '';
  const now = fill(nowTemplate, { role: isolate(role), company: isolate(company) });

  const lines: ContactLine[] = [];
  const email = oneLine(leaver.personalEmail ?? '');
  if (email) {
    const href = mailtoUrl(email);
    lines.push({ label: w.email, html: href ? link(href, esc(email)) : esc(email), text: email });
  }
  const phone = oneLine(leaver.mobilePhone ?? '');
  if (phone) {
    const href = telUrl(phone);
    lines.push({ label: w.mobile, html: href ? link(href, esc(phone)) : esc(phone), text: phone });
  }
  const profile = oneLine(leaver.profileUrl ?? '');
  if (profile) {
    const href = webUrl(profile);
    lines.push({ label: w.profile, html: href ? link(href, esc(profile)) : esc(profile), text: profile });
  }
  const sep = lang === 'fr' ? '\u00a0: ' : ': ';

  const subject = subjectWithName(w.subject[kind], who);
  const intro = fill(w.intro[kind], { name: isolate(who) });
  const html = root(lang, [
    p(esc(intro)),
    now ? p(esc(now)) : '',
    `<h3 style="${STYLE.h3}">${esc(w.reach)}</h3>`,
    lines.length === 0
      ? p(`<em>${esc(w.noDetails)}</em>`)
      : `<ul style="${STYLE.ul}">${lines.map((l) => `<li dir="auto" style="${STYLE.li}">${esc(l.label)}${esc(sep)}${l.html}</li>`).join('')}</ul>`,
    `<h3 style="${STYLE.h3}">${esc(w.idea)}</h3>`,
    p(esc(prompt)),
    p(esc(w.footer), STYLE.small),
  ]);
  const text = [
    intro,
    ...(now ? [now] : []),
    '',
    `${w.reach}${sep.trimEnd()}`,
    ...(lines.length === 0 ? [w.noDetails] : lines.map((l) => `- ${l.label}${sep}${l.text}`)),
    '',
    `${w.idea}${sep.trimEnd()}`,
    prompt,
    '',
    w.footer,
    '',
  ].join('\n');
  return { subject, html, text };
};
