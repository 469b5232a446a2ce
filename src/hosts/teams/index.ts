export { browserHost, connectTabHost, hostTheme, isTeamsPage, teamsHost } from './host';
export type { HostTheme, PageLocation, PageWindow, TabHost, TeamsSdk } from './host';
export { browserMeetingHost, connectMeetingHost, teamsMeetingHost, threadIdFromMeetingId } from './meeting';
export type { MeetingHost, MeetingSdk, MeetingTabConfig } from './meeting';
