/** Shared UI of Au revoir: the Teams tab and the Outlook add-in both build on these. */
export { initI18n, registerStrings, resetI18nForTests, type Catalogue } from './i18n';
export { AppProviders, type AppProvidersProps } from './AppProviders';
export { THEME_NAMES, isThemeName, themeFor, type ThemeName } from './theme';
export { useLang } from './hooks';
export { formatDate, formatDateTime, localeFor } from './format';
export { ErrorBanner, type ErrorBannerProps } from './ErrorBanner';
export { LoadingState } from './LoadingState';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { PersonPicker, type PersonPickerProps } from './PersonPicker';
export { AlumniCard, SNOOZE_DAYS, type AlumniCardProps } from './AlumniCard';
export { DisplaySettings, type DisplaySettingsProps } from './DisplaySettings';
