import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { COMMON_NAMESPACE } from './strings';
import { LANGS, isLang, type Lang } from '../domain/types';
import { THEME_NAMES, isThemeName, type ThemeName } from './theme';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  field: { minWidth: '130px' },
});

export interface DisplaySettingsProps {
  readonly theme: ThemeName;
  readonly lang: Lang;
  readonly onThemeChange: (theme: ThemeName) => void;
  readonly onLangChange: (lang: Lang) => void;
}

/**
 * Theme and language pickers for a plain browser, where no host tells the app which to use.
 * Native selects: every keyboard and screen reader knows them.
 */
export const DisplaySettings = ({ theme, lang, onThemeChange, onLangChange }: DisplaySettingsProps) => {
  const { t } = useTranslation(COMMON_NAMESPACE);
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={t('settings.theme')} size="small" className={styles.field}>
        <Select
          size="small"
          value={theme}
          data-testid="theme-select"
          onChange={(_e, d) => {
            if (isThemeName(d.value)) onThemeChange(d.value);
          }}
        >
          {THEME_NAMES.map((name) => (
            <option key={name} value={name}>
              {t(`settings.themes.${name}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('settings.language')} size="small" className={styles.field}>
        <Select
          size="small"
          value={lang}
          data-testid="lang-select"
          onChange={(_e, d) => {
            if (isLang(d.value)) onLangChange(d.value);
          }}
        >
          {LANGS.map((l) => (
            // Each language is named in itself, so a lost user finds theirs.
            <option key={l} value={l} lang={l}>
              {t(`settings.languages.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
};
