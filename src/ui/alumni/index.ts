/** Issue 12's parts of the alumni card and screen: outcome log, summary, filters, consent, Forget. */
export { OUTCOMES_NAMESPACE, OUTCOMES_STRINGS } from './strings';
export { OutcomeSummary, type OutcomeSummaryProps } from './OutcomeSummary';
export { OutcomeLog, type OutcomeLogProps } from './OutcomeLog';
export { AlumniFilters, type AlumniFiltersProps } from './AlumniFilters';
export { ConsentNote } from './ConsentNote';
export { ForgetPerson, type ForgetPersonProps } from './ForgetPerson';
export { AlumniExport } from './AlumniExport';
export { AlumniExtrasProvider, useAlumniExtras, type AlumniExtras } from './context';
export { PhoneText } from './PhoneText';
export { downloadFile } from './download';
