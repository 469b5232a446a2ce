export { browserHost, connectTabHost, hostTheme, isTeamsPage, langFromLocale, teamsHost } from './host';
export type { HostTheme, PageLocation, PageWindow, TabHost, TeamsSdk } from './host';
