import { FluentProvider, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Lang } from '../domain/types';
import { initI18n } from './i18n';
import { themeFor, type ThemeName } from './theme';

// The provider paints the page: the browser's default body margin would leave a white frame
// around it in the dark and high-contrast themes.
const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export interface AppProvidersProps {
  readonly lang: Lang;
  readonly theme: ThemeName;
  readonly children: ReactNode;
}

/** The Fluent theme and the UI language for everything below; both may change while mounted. */
export const AppProviders = ({ lang, theme, children }: AppProvidersProps) => {
  // Created once, in the first render's language (a lazy state initialiser, not a memo: React may
  // drop a memo and run it again). A later `lang` goes through changeLanguage below, so mounted
  // components re-render (before paint) rather than being torn down with a new instance.
  const [i18n] = useState(() => initI18n(lang));
  const styles = useStyles();
  useStaticStyles();
  useLayoutEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);
  useEffect(() => {
    // Screen readers pick the pronunciation from the document's language.
    document.documentElement.lang = lang;
  }, [lang]);
  useLayoutEffect(() => {
    // The page's shell stylesheet paints <html> and <body> from this attribute (src/apps/shell):
    // follow a theme switch, so that no strip of the previous theme shows around the app.
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={themeFor(theme)} lang={lang} data-theme={theme}>
        {/* The page's paint lives on an inner div: a class on the provider would be copied to the
            portals (menus, dialogs) and stretch each of them to a screen-high painted block. */}
        <div className={styles.root}>{children}</div>
      </FluentProvider>
    </I18nextProvider>
  );
};
