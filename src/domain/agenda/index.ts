// The exit-conversation agenda: defaults, timings, edits and the invite it renders to.
export type { Agenda, AgendaPrompt, AgendaSection, TimedAgenda, TimedAgendaSection } from './model';
export { DEFAULT_WEIGHTS, SECTION_IDS, defaultAgenda } from './defaults';
export type { DefaultSectionId } from './defaults';
export { splitMinutes, timeAgenda } from './scale';
export {
  addPrompt,
  addSection,
  editPrompt,
  movePrompt,
  moveSection,
  removePrompt,
  removeSection,
  renameSection,
  setSectionPurpose,
  setSectionWeight,
} from './edit';
export type { NewSection } from './edit';
export {
  inviteSubject,
  minutesLong,
  minutesShort,
  renderInviteHtml,
  renderInviteText,
  renderSectionsHtml,
  renderSectionsText,
} from './render';
export type { InviteInput } from './render';
