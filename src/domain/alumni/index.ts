export {
  RECONNECT_LOG_HEADING,
  appendReconnect,
  lastContacted,
  parseReconnectLog,
  type AppendReconnectInput,
  type ReconnectEntry,
} from './log';
export { sortAlumni, type SortableAlumnus } from './sort';
export {
  MAX_OUTCOME_LOG_CHARS,
  NOTE_MAX,
  OUTCOME_GROUP,
  OUTCOME_GROUPS,
  OUTCOME_KINDS,
  OUTCOME_KIND_LABELS,
  addOutcome,
  isOutcomeKind,
  latestOutcome,
  parseOutcomeLog,
  readOutcomeLog,
  removeOutcome,
  serialiseOutcomeLog,
  summariseOutcomes,
  type NewOutcome,
  type OutcomeEntry,
  type OutcomeGroup,
  type OutcomeKind,
  type OutcomeLogRead,
  type OutcomeSummary,
} from './outcomes';
export { CONSENT_TEXT_MAX, parseConsent, serialiseConsent, withConsentRecord, type ConsentChannel, type ConsentRecord } from './consent';
export { ALUMNI_ORDERS, filterSortAlumni, type AlumniOrder, type AlumnusWithOutcomes, type OutcomeFilter } from './byOutcome';
