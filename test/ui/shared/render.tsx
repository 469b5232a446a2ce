import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Lang } from '../../../src/domain/types';
import { AppProviders, resetI18nForTests, type ThemeName } from '../../../src/ui';

/** Renders inside the app's providers, in a fresh i18n instance for the language asked. */
export const renderUi = (ui: ReactElement, { lang = 'en', theme = 'default' }: { lang?: Lang; theme?: ThemeName } = {}): RenderResult => {
  resetI18nForTests();
  return render(
    <AppProviders lang={lang} theme={theme}>
      {ui}
    </AppProviders>,
  );
};
