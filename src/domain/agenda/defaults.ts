import type { Lang } from '../types';
import { frenchSpacing } from '../texts/html';
import type { Agenda, AgendaSection } from './model';

/**
 * The default agenda of the exit conversation, after idea 5 of the source article (see
 * ../shared/source-article/README.md): sit down and take the time, look back on the collaboration,
 * name the person's qualities sincerely, talk about their plans and yours, offer to stay in touch
 * (details, a lunch), and close on what you can do for each other.
 *
 * The French and English texts are two originals written for their readers, not translations: the
 * same section ids, weights and intent, in each language's own turns of phrase. The invite goes to
 * the leaver too, so purposes are written to read well for both people; French uses « vous », the
 * safe default in a company, which the manager may change by editing.
 */

/** The seven section ids, shared by both languages so that code and tests can refer to them. */
export const SECTION_IDS = [
  'welcome',
  'lookBack',
  'qualities',
  'theirPlans',
  'ourPlans',
  'stayInTouch',
  'nextSteps',
] as const;
export type DefaultSectionId = (typeof SECTION_IDS)[number];

/**
 * Relative weights: they sum to 15 so that 30, 45, 60 and 90 minutes split into whole minutes
 * exactly (2/6/6/6/4/4/2 for 30). Looking back, their qualities and their plans get the most time.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<DefaultSectionId, number>> = {
  welcome: 1,
  lookBack: 3,
  qualities: 3,
  theirPlans: 3,
  ourPlans: 2,
  stayInTouch: 2,
  nextSteps: 1,
};

interface SectionText {
  readonly title: string;
  readonly purpose: string;
  readonly prompts: readonly string[];
}

const FR: Readonly<Record<DefaultSectionId, SectionText>> = {
  welcome: {
    title: 'Prendre le temps de se poser',
    purpose:
      'Installer un climat détendu : ce rendez-vous n’est ni un bilan ni une simple formalité, mais un vrai moment d’échange entre deux personnes qui ont travaillé ensemble.',
    prompts: [
      'Comment se passent ces dernières semaines, entre la passation et les préparatifs ?',
      'Y a-t-il un sujet que vous tenez particulièrement à aborder aujourd’hui ?',
    ],
  },
  lookBack: {
    title: 'Regards croisés sur notre collaboration',
    purpose:
      'Revenir ensemble sur le chemin parcouru : les moments marquants, ce qui a bien fonctionné, ce qui aurait pu être plus simple.',
    prompts: [
      'Quels projets ou quels moments garderez-vous en mémoire ?',
      'Qu’avez-vous le plus apprécié dans notre façon de travailler ensemble ?',
      'Qu’est-ce qui vous a manqué, ou qu’aurions-nous pu faire autrement ?',
      'Ce que je retiens, de mon côté, de notre travail commun.',
    ],
  },
  qualities: {
    title: 'Ce que vous avez apporté',
    purpose:
      'Nommer avec justesse les qualités professionnelles et humaines constatées au fil du temps, exemples concrets à l’appui plutôt que compliments de circonstance.',
    prompts: [
      'Une compétence sur laquelle l’équipe a pu compter, et une situation où elle a fait la différence.',
      'Les qualités humaines que vos collègues associeront à votre nom.',
      'Une force que vous pourriez davantage mettre en avant dans vos prochaines fonctions.',
    ],
  },
  theirPlans: {
    title: 'Vos projets, la suite de votre parcours',
    purpose:
      'S’intéresser sincèrement à ce qui attend la personne : le nouveau poste, les envies qui ont guidé ce choix, les perspectives à plus long terme.',
    prompts: [
      'Qu’est-ce qui vous attire dans ce nouveau chapitre ?',
      'Où aimeriez-vous être dans quelques années ?',
      'Comment faciliter votre transition d’ici votre dernier jour ?',
    ],
  },
  ourPlans: {
    title: 'De notre côté : l’équipe et ses projets',
    purpose:
      'Partager en retour les projets de l’équipe et du manager, et repérer les terrains où vos chemins pourraient se recroiser.',
    prompts: [
      'Les chantiers qui attendent l’équipe dans les mois à venir.',
      'Les occasions de retravailler ensemble un jour, comme client, partenaire ou fournisseur.',
      'Mes propres projets, en toute transparence.',
    ],
  },
  stayInTouch: {
    title: 'Garder le contact',
    purpose:
      'Proposer de rester en lien, échanger des coordonnées personnelles si la personne le souhaite, et lancer l’idée d’un déjeuner.',
    prompts: [
      'Quelle adresse e-mail et quel numéro utiliser une fois votre compte professionnel fermé ?',
      'Êtes-vous d’accord pour que je conserve vos coordonnées dans mes contacts ?',
      'Un déjeuner dans quelques mois pour se donner des nouvelles, cela vous dirait ?',
    ],
  },
  nextSteps: {
    title: 'Et maintenant ?',
    purpose:
      'Conclure sur quelques engagements concrets, dans les deux sens : une recommandation, une mise en relation, un coup de pouce le moment venu.',
    prompts: [
      'Une recommandation ou une mise en relation qui vous rendrait service ?',
      'Et de votre côté, une personne que je gagnerais à rencontrer ?',
      'Les dernières étapes avant votre départ : passation, matériel, accès.',
    ],
  },
};

const EN: Readonly<Record<DefaultSectionId, SectionText>> = {
  welcome: {
    title: 'Settling in',
    purpose:
      "Set an easy, unhurried tone: this isn't a review or a box-ticking exercise, just two people who have worked together taking time to talk.",
    prompts: [
      'How are the last few weeks going, with the handover and everything else?',
      "Is there anything you'd particularly like us to cover today?",
    ],
  },
  lookBack: {
    title: 'Looking back together',
    purpose:
      "Walk back through the time you've worked together: the highlights, what went well, and what could have been easier.",
    prompts: [
      'Which projects or moments will stay with you?',
      'What did you enjoy most about the way we worked together?',
      'Was there anything you missed, or that we could have done differently?',
      "What I'll remember from working with you.",
    ],
  },
  qualities: {
    title: 'What you brought to the team',
    purpose:
      "Name the professional and personal strengths you've seen, honestly and without gushing. One concrete example says more than any amount of praise.",
    prompts: [
      'A skill the team came to rely on, and a moment when it made the difference.',
      'The personal qualities your colleagues will remember you for.',
      'A strength worth putting forward more in your next role.',
    ],
  },
  theirPlans: {
    title: 'Your next chapter',
    purpose:
      "Take a genuine interest in where they're heading: the new role, what drew them to it, and what they hope to get out of it.",
    prompts: [
      "What's drawing you to the new role?",
      "Where would you like to be in a few years' time?",
      'What would make your last few weeks here easier?',
    ],
  },
  ourPlans: {
    title: "What's ahead for us",
    purpose:
      'Share the plans of the team and your own in return, and spot where your paths could cross again: as a client, a partner, a supplier, or colleagues once more.',
    prompts: [
      'What the team is taking on over the coming months.',
      'Where our work might overlap again in future.',
      'My own plans, as openly as I can share them.',
    ],
  },
  stayInTouch: {
    title: 'Keeping in touch',
    purpose:
      "Offer to stay in contact, swap personal details if they're happy to, and float the idea of lunch some time.",
    prompts: [
      'Which email address and phone number should I use once your work account is closed?',
      'Are you happy for me to keep your details in my contacts?',
      'Shall we pencil in lunch in a few months to catch up?',
    ],
  },
  nextSteps: {
    title: 'Next steps',
    purpose:
      'Finish with a few concrete commitments that go both ways: an introduction, a reference, a good word at the right moment.',
    prompts: [
      'Is there an introduction or a reference that would help you?',
      'And is there anyone you think I should meet?',
      'Loose ends before your last day: handover, equipment, access.',
    ],
  },
};

const TEXTS: Readonly<Record<Lang, Readonly<Record<DefaultSectionId, SectionText>>>> = { fr: FR, en: EN };

/** French strings get no-break spaces before « : ; ! ? » here, once, so source text stays readable. */
const typeset = (lang: Lang, s: string): string => (lang === 'fr' ? frenchSpacing(s) : s);

/** A fresh default agenda in `lang`. Prompt ids are `<sectionId>-<n>`, n from 1. */
export const defaultAgenda = (lang: Lang): Agenda => ({
  lang,
  sections: SECTION_IDS.map((id): AgendaSection => {
    const t = TEXTS[lang][id];
    return {
      id,
      title: typeset(lang, t.title),
      purpose: typeset(lang, t.purpose),
      prompts: t.prompts.map((text, i) => ({ id: `${id}-${i + 1}`, text: typeset(lang, text) })),
      weight: DEFAULT_WEIGHTS[id],
    };
  }),
});
