import type { Agenda, AgendaPrompt, AgendaSection } from './model';

/**
 * Pure edits of an agenda, for the wizard's editor. Each returns a new agenda and leaves its input
 * untouched. An edit that names a section or prompt the agenda does not have returns the agenda
 * unchanged (the same object), so a stale click in the UI is harmless. New ids are derived from
 * the agenda itself (no clock, no randomness): the same edits on the same agenda give the same ids,
 * and they never collide with an id already there.
 */

const mapSection = (agenda: Agenda, sectionId: string, f: (s: AgendaSection) => AgendaSection): Agenda => {
  const at = agenda.sections.findIndex((s) => s.id === sectionId);
  const section = agenda.sections[at];
  if (!section) return agenda;
  const sections = agenda.sections.slice();
  sections[at] = f(section);
  return { ...agenda, sections };
};

/** Moves item `from` to position `to` (clamped to the list), returning a new array. */
const moveInList = <T>(list: readonly T[], from: number, to: number): readonly T[] => {
  const item = list[from];
  if (item === undefined) return list;
  const target = Math.min(Math.max(Math.trunc(Number.isFinite(to) ? to : 0), 0), list.length - 1);
  if (target === from) return list;
  const out = list.slice();
  out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
};

/** `${prefix}${n}` with the smallest n >= start not in `taken`. */
const freshId = (prefix: string, taken: ReadonlySet<string>, start: number): string => {
  let n = Math.max(start, 1);
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
};

const allPromptIds = (agenda: Agenda): Set<string> =>
  new Set(agenda.sections.flatMap((s) => s.prompts.map((p) => p.id)));

export const renameSection = (agenda: Agenda, sectionId: string, title: string): Agenda =>
  mapSection(agenda, sectionId, (s) => ({ ...s, title }));

export const setSectionPurpose = (agenda: Agenda, sectionId: string, purpose: string): Agenda =>
  mapSection(agenda, sectionId, (s) => ({ ...s, purpose }));

/** Changes a section's share of the meeting; weights below 1 or not whole are brought to a whole number >= 1. */
export const setSectionWeight = (agenda: Agenda, sectionId: string, weight: number): Agenda =>
  mapSection(agenda, sectionId, (s) => ({ ...s, weight: Number.isFinite(weight) ? Math.max(1, Math.round(weight)) : s.weight }));

/** Moves a section to 0-based position `toIndex` (clamped to the agenda's bounds). */
export const moveSection = (agenda: Agenda, sectionId: string, toIndex: number): Agenda => {
  const from = agenda.sections.findIndex((s) => s.id === sectionId);
  if (from < 0) return agenda;
  const sections = moveInList(agenda.sections, from, toIndex);
  return sections === agenda.sections ? agenda : { ...agenda, sections };
};

export const removeSection = (agenda: Agenda, sectionId: string): Agenda => {
  if (!agenda.sections.some((s) => s.id === sectionId)) return agenda;
  return { ...agenda, sections: agenda.sections.filter((s) => s.id !== sectionId) };
};

export interface NewSection {
  readonly title: string;
  readonly purpose?: string;
  /** Prompt texts; their ids are generated. */
  readonly prompts?: readonly string[];
  /** Default 2 (a medium share). */
  readonly weight?: number;
}

/**
 * Adds a section after the section `afterId`, or first when `afterId` is null, or last when
 * `afterId` is undefined or not found. Its id is `section-<n>`, n the smallest number not taken.
 */
export const addSection = (agenda: Agenda, section: NewSection, afterId?: string | null): Agenda => {
  const id = freshId('section-', new Set(agenda.sections.map((s) => s.id)), agenda.sections.length + 1);
  const taken = allPromptIds(agenda);
  const prompts: AgendaPrompt[] = [];
  for (const text of section.prompts ?? []) {
    const pid = freshId(`${id}-`, taken, prompts.length + 1);
    taken.add(pid);
    prompts.push({ id: pid, text });
  }
  const weight = section.weight !== undefined && Number.isFinite(section.weight) ? Math.max(1, Math.round(section.weight)) : 2;
  const created: AgendaSection = { id, title: section.title, purpose: section.purpose ?? '', prompts, weight };
  const sections = agenda.sections.slice();
  const found = afterId ? sections.findIndex((s) => s.id === afterId) : -1;
  const at = afterId === null ? 0 : found >= 0 ? found + 1 : sections.length;
  sections.splice(at, 0, created);
  return { ...agenda, sections };
};

/**
 * Adds a prompt to a section, after the prompt `afterPromptId` (first when null; last when
 * undefined or not found). Its id is `<sectionId>-<n>`, unique across the whole agenda.
 */
export const addPrompt = (agenda: Agenda, sectionId: string, text: string, afterPromptId?: string | null): Agenda => {
  const taken = allPromptIds(agenda);
  return mapSection(agenda, sectionId, (s) => {
    const id = freshId(`${s.id}-`, taken, s.prompts.length + 1);
    const prompts = s.prompts.slice();
    const found = afterPromptId ? prompts.findIndex((p) => p.id === afterPromptId) : -1;
    const at = afterPromptId === null ? 0 : found >= 0 ? found + 1 : prompts.length;
    prompts.splice(at, 0, { id, text });
    return { ...s, prompts };
  });
};

const mapPrompt = (agenda: Agenda, sectionId: string, promptId: string, f: (p: AgendaPrompt) => AgendaPrompt): Agenda => {
  const section = agenda.sections.find((s) => s.id === sectionId);
  if (!section || !section.prompts.some((p) => p.id === promptId)) return agenda;
  return mapSection(agenda, sectionId, (s) => ({ ...s, prompts: s.prompts.map((p) => (p.id === promptId ? f(p) : p)) }));
};

export const editPrompt = (agenda: Agenda, sectionId: string, promptId: string, text: string): Agenda =>
  mapPrompt(agenda, sectionId, promptId, (p) => ({ ...p, text }));

export const removePrompt = (agenda: Agenda, sectionId: string, promptId: string): Agenda => {
  const section = agenda.sections.find((s) => s.id === sectionId);
  if (!section || !section.prompts.some((p) => p.id === promptId)) return agenda;
  return mapSection(agenda, sectionId, (s) => ({ ...s, prompts: s.prompts.filter((p) => p.id !== promptId) }));
};

/** Moves a prompt within its section to 0-based position `toIndex` (clamped). */
export const movePrompt = (agenda: Agenda, sectionId: string, promptId: string, toIndex: number): Agenda => {
  const section = agenda.sections.find((s) => s.id === sectionId);
  if (!section) return agenda;
  const from = section.prompts.findIndex((p) => p.id === promptId);
  if (from < 0) return agenda;
  const prompts = moveInList(section.prompts, from, toIndex);
  return prompts === section.prompts ? agenda : mapSection(agenda, sectionId, (s) => ({ ...s, prompts }));
};
