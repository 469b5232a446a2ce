/**
 * The one placeholder syntax of Au revoir is i18next's `{{name}}`: the UI's catalogues are filled by
 * i18next, and the texts written into the mailbox (src/domain/texts) and the error messages
 * (src/domain/errors.ts) by this, so a writer meets one syntax everywhere
 * (test/unit/i18n/catalogues.test.ts fails on a single-brace `{name}`).
 *
 * One pass, so a value that itself contains `{{key}}` is never expanded, and typography applied to
 * the template never touches the values. A slot without a value stays as it is, to be seen.
 * Values are plain text: the caller escapes them if it renders HTML.
 */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (slot, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : slot));
