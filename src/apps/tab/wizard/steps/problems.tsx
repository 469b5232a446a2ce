import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang, Localized } from '../../../../domain/types';
import { fieldMatches, stepForField, type StepId } from '../draft';

/** What validatePlan reports, structurally (the domain's Problem type has these fields). */
export interface PlanProblem {
  readonly code: string;
  readonly field: string;
  readonly message: Localized;
}

/**
 * Field keys each step shows on a field. A problem whose field none of these claims is still shown,
 * in a banner on its step, so no problem can go unseen.
 */
export const FIELD_KEYS: Readonly<Record<StepId, readonly (string | RegExp)[]>> = {
  when: ['conversation.start', 'conversation.durationMinutes', 'conversation.place'],
  agenda: [/^agenda(\.sections)?$/, /^agenda\.sections\.\d+\.(title|purpose|prompts)(\.|$)/, 'prepNotes'],
  contact: [
    'leaver.personalEmail',
    'leaver.mobilePhone',
    'leaver.profileUrl',
    'leaver.nextCompany',
    'leaver.nextRole',
    'leaver.consentToKeepContact',
  ],
  reconnect: ['cadence'],
  review: [],
};

export interface ProblemsApi {
  /** The message(s) for a field and what is inside it, in the UI language, or undefined. */
  message(key: string): string | undefined;
  /** The message(s) for exactly this field, not what is inside it. */
  exactMessage(key: string): string | undefined;
  /** A banner for the problems of `step` that no field of the step shows. */
  banner(step: StepId): ReactNode;
  readonly list: readonly PlanProblem[];
}

const claims = (key: string | RegExp, field: string): boolean =>
  typeof key === 'string' ? fieldMatches(field, key) : key.test(field);

const join = (mine: readonly PlanProblem[], lang: Lang): string | undefined =>
  mine.length === 0 ? undefined : mine.map((p) => p.message[lang]).join(' ');

export const makeProblemsApi = (list: readonly PlanProblem[], lang: Lang, bannerTitle: string): ProblemsApi => ({
  list,
  message: (key) => join(list.filter((p) => fieldMatches(p.field, key)), lang),
  exactMessage: (key) => join(list.filter((p) => p.field === key), lang),
  banner(step) {
    const claimed = FIELD_KEYS[step];
    const orphans = list.filter((p) => stepForField(p.field) === step && !claimed.some((k) => claims(k, p.field)));
    if (orphans.length === 0) return null;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{bannerTitle}</MessageBarTitle>
          <ul>
            {orphans.map((p) => (
              <li key={`${p.code}:${p.field}`}>{p.message[lang]}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  },
});
