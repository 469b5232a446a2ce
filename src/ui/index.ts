/** Shared UI of Au revoir: the Teams tab and the Outlook add-in both build on these. */
export { initI18n, registerStrings, resetI18nForTests, type Catalogue, type StringsOf } from './i18n';
export { COMMON_NAMESPACE, COMMON_STRINGS } from './strings';
export { AppProviders, type AppProvidersProps } from './AppProviders';
export { THEME_NAMES, isThemeName, themeFor, type ThemeName } from './theme';
export { useLang } from './hooks';
export { useLoad, type LoadState } from './useLoad';
export { formatDate, formatDateTime, formatRelative, formatWhen, localeFor, regionFor } from './format';
export { ErrorBanner, type ErrorBannerProps } from './ErrorBanner';
export { LoadingState } from './LoadingState';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { PersonPicker, type PersonPickerProps } from './PersonPicker';
export { AlumniCard, SNOOZE_DAYS, type AlumniCardProps } from './AlumniCard';
export { DisplaySettings, type DisplaySettingsProps } from './DisplaySettings';
export { LapsedBanner, TenantSignIn, useTenantAuth, type TenantAuthState } from './SignIn';
export { ActionStatus, useActionRunner, type ActionRunner, type ActionStatusProps } from './useActionRunner';
