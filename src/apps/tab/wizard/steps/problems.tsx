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
export const FIELD_KEYS: Readonly<Record<StepId, readonly string[]>> = {
  when: ['conversation.start', 'conversation.durationMinutes', 'conversation.place'],
  agenda: ['agenda', 'prepNotes'],
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
  /** The message(s) for a field, in the UI language, or undefined. */
  message(key: string): string | undefined;
  /** A banner for the problems of `step` that no field of the step shows. */
  banner(step: StepId): ReactNode;
  readonly list: readonly PlanProblem[];
}

export const makeProblemsApi = (list: readonly PlanProblem[], lang: Lang, bannerTitle: string): ProblemsApi => ({
  list,
  message(key) {
    const mine = list.filter((p) => fieldMatches(p.field, key));
    return mine.length === 0 ? undefined : mine.map((p) => p.message[lang]).join(' ');
  },
  banner(step) {
    const claimed = FIELD_KEYS[step];
    const orphans = list.filter((p) => stepForField(p.field) === step && !claimed.some((k) => fieldMatches(p.field, k)));
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
