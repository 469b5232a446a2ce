/**
 * Outlook stores mailbox and working-hours time zones as Windows names ("Romance Standard Time").
 * The app works in IANA names (luxon, the domain), so the common ones are mapped here; an IANA
 * name passes through. Unknown Windows names fall back to UTC rather than failing the screen.
 */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Canada Central Standard Time': 'America/Regina',
  'Atlantic Standard Time': 'America/Halifax',
  'Reunion Standard Time': 'Indian/Reunion',
  'Mauritius Standard Time': 'Indian/Mauritius',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Caledonia Standard Time': 'Pacific/Noumea',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
};

export const toIanaZone = (name: string | null | undefined): string => {
  if (!name) return 'UTC';
  if (name.includes('/') || name === 'UTC') return name;
  return WINDOWS_TO_IANA[name] ?? 'UTC';
};
