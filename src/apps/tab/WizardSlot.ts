/**
 * The seam between the Departures screen and the plan wizard (./wizard, built separately): the
 * screen imports the wizard from here, so tests can stand in for it at one place.
 */
export { PlanWizard } from './wizard/PlanWizard';
export type { PlanWizardProps } from './wizard/PlanWizard';
