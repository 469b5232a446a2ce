export type * from './model';
export {
  CADENCE_MAX_MONTHS,
  CADENCE_MAX_TOUCHPOINTS,
  CADENCE_PRESETS,
  CADENCE_PRESET_IDS,
  DEFAULT_KINDS,
  TOUCHPOINT_KINDS,
  TOUCHPOINT_KIND_LABELS,
  TOUCHPOINT_SLOTS,
} from './presets';
export { cadenceMonths, minutesOfDay, validateCadence, validateWorkingHours } from './validate';
export { MAX_MONTHLY_INTERVAL, expandCadence, slotFor } from './expand';
export { describeRecurrence } from './describe';
