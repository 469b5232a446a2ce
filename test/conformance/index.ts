// Every conformance case, in the order they run. Ids are unique (checked by the jest project).
import { batchCases } from './cases/batch';
import { calendarCases } from './cases/calendar';
import { errorCases } from './cases/errors';
import { eventCases } from './cases/events';
import { mailCases } from './cases/mail';
import { peopleCases } from './cases/people';
import { permissionCases } from './cases/permissions';
import { scheduleCases } from './cases/schedule';
import { settingsCases } from './cases/settings';
import { teamsCases } from './cases/teams';
import { timezoneCases } from './cases/timezones';
import { userCases } from './cases/users';
import type { Case } from './types';

export const allCases: readonly Case[] = [
  ...userCases,
  ...permissionCases,
  ...eventCases,
  ...calendarCases,
  ...scheduleCases,
  ...peopleCases,
  ...settingsCases,
  ...timezoneCases,
  ...teamsCases,
  ...batchCases,
  ...errorCases,
  ...mailCases,
];

export type { Case } from './types';
export { runCase, skipReason, startSandboxTarget } from './run';
export type { Outcome } from './run';
