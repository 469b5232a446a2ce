/**
 * The seam between the Departures screen and the plan wizard (./wizard, built separately): the
 * screen imports the wizard from here, so tests can stand in for it at one place.
 */
import { lazy } from 'react';

/**
 * The wizard is its own chunk (with the plan's validation and the phone-number library), loaded
 * when a manager first opens it; Departures shows it inside a Suspense boundary.
 */
export const PlanWizard = lazy(() => import(/* webpackChunkName: "wizard" */ './wizard/PlanWizard').then((m) => ({ default: m.PlanWizard })));
export type { PlanWizardProps } from './wizard/PlanWizard';
