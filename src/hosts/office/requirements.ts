import type { ItemKind } from './item';
import type { OfficeApi } from './office-types';

/**
 * The Mailbox requirement sets each surface leans on. Outlook clients differ (an old classic
 * Outlook, a mobile app, an on-premises Exchange), so the task pane asks at start and tells the
 * user, in their language, what their Outlook lacks, instead of failing on the first call.
 */
export type RequirementFeature = 'subjectAttendees' | 'bodyHtml' | 'categories' | 'itemId';

export interface Requirement {
  readonly set: 'Mailbox';
  readonly version: string;
  readonly feature: RequirementFeature;
  /** Without it the surface cannot work at all; otherwise one step is skipped. */
  readonly blocking: boolean;
}

const NEEDS: Readonly<Record<ItemKind, readonly Requirement[]>> = {
  appointmentCompose: [
    { set: 'Mailbox', version: '1.1', feature: 'subjectAttendees', blocking: true },
    { set: 'Mailbox', version: '1.3', feature: 'bodyHtml', blocking: true },
    { set: 'Mailbox', version: '1.8', feature: 'categories', blocking: false },
  ],
  appointmentRead: [
    { set: 'Mailbox', version: '1.1', feature: 'subjectAttendees', blocking: true },
    { set: 'Mailbox', version: '1.3', feature: 'itemId', blocking: false },
  ],
  messageRead: [{ set: 'Mailbox', version: '1.1', feature: 'subjectAttendees', blocking: true }],
  messageCompose: [{ set: 'Mailbox', version: '1.1', feature: 'subjectAttendees', blocking: true }],
};

export const requirementsFor = (kind: ItemKind): readonly Requirement[] => NEEDS[kind];

/** The requirement sets this Outlook lacks for `kind`, blocking ones first. */
export const missingRequirements = (office: OfficeApi, kind: ItemKind): Requirement[] => {
  const check = office.context.requirements;
  // Clients old enough to lack the requirements API predate Mailbox 1.1 checks: assume the minimum.
  if (!check) return NEEDS[kind].filter((r) => r.version !== '1.1');
  return NEEDS[kind]
    .filter((r) => !check.isSetSupported(r.set, r.version))
    .sort((a, b) => Number(b.blocking) - Number(a.blocking));
};
