export type * from './model';
export { validatePlan, isEmail, normaliseProfileUrl, type ValidatePlanOptions } from './validate';
export * from './limits';
