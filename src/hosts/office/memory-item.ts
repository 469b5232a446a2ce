import type { ItemKind, MailItemPort, Recipient } from './item';

/**
 * An Outlook item kept in memory: the plain-browser demo (`npm start`, sandbox mode) uses it so the
 * task pane can be tried without Outlook, and it shows on screen what Outlook would have received.
 */
export interface MemoryItemState {
  kind: ItemKind;
  subject: string;
  bodyHtml: string;
  requiredAttendees: Recipient[];
  categories: string[];
  start?: Date;
  end?: Date;
  restId?: string;
  sender?: Recipient;
}

export const memoryMailItem = (state: MemoryItemState, onChange: (s: MemoryItemState) => void = () => undefined): MailItemPort => {
  const changed = (): void => onChange({ ...state, requiredAttendees: [...state.requiredAttendees], categories: [...state.categories] });
  return {
    kind: state.kind,
    ...(state.restId ? { restId: state.restId } : {}),
    ...(state.sender ? { sender: state.sender } : {}),
    getSubject: async () => state.subject,
    setSubject: async (s) => {
      state.subject = s;
      changed();
    },
    getBodyHtml: async () => state.bodyHtml,
    setBodyHtml: async (html) => {
      state.bodyHtml = html;
      changed();
    },
    getRequiredAttendees: async () => [...state.requiredAttendees],
    addRequiredAttendees: async (people) => {
      state.requiredAttendees.push(...people);
      changed();
    },
    addCategories: async (names) => {
      for (const n of names) if (!state.categories.includes(n)) state.categories.push(n);
      changed();
    },
    getStart: async () => state.start,
    getEnd: async () => state.end,
  };
};
