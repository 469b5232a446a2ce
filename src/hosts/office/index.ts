// Office.js for the Outlook task pane: the only place that touches the `Office` global.
export type * from './office-types';
export { OFFICE_JS_URL, detectOffice, type DetectOfficeInput, type OfficeAvailability } from './load';
export { kindOf, officeCall, officeMailItem, type ItemKind, type MailItemPort, type Recipient } from './item';
export { missingRequirements, requirementsFor, type Requirement, type RequirementFeature } from './requirements';
export { AGENDA_END, AGENDA_START, hasTeamsBlock, mergeAgendaIntoBody, stripAgenda, wrapAgenda, type MergedBody } from './body';
export { applyTemplate, type ApplyResult, type TemplateInput } from './apply';
export { memoryMailItem, type MemoryItemState } from './memory-item';
