export {
  RECONNECT_LOG_HEADING,
  appendReconnect,
  lastContacted,
  parseReconnectLog,
  type AppendReconnectInput,
  type ReconnectEntry,
} from './log';
export { sortAlumni, type SortableAlumnus } from './sort';
