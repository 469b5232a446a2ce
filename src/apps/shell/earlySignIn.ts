import type { SandboxUser } from '../../auth/sandbox';

/**
 * The texts of the early "Sign in as", one language: picked at build time from the app's own
 * catalogues (webpack.config.js, `signInStrings`), so that this screen carries no i18n runtime and
 * says exactly what the app's own picker (src/apps/tab/SignInAs.tsx) says.
 */
export interface EarlySignInStrings {
  readonly appName: string;
  /** `{{screen}} – Au revoir`, as the app titles its pages. */
  readonly pageTitle: string;
  readonly title: string;
  readonly intro: string;
  readonly label: string;
  readonly submit: string;
  /** Shown once a user is picked, while the app finishes loading. */
  readonly loading: string;
}

/** The app's catalogues (src/ui/strings.ts and src/apps/tab/strings.ts), as far as this screen reads them. */
interface Catalogues {
  readonly common: Readonly<Record<'en' | 'fr', { readonly appName: string; readonly loading: { readonly default: string } }>>;
  readonly tab: Readonly<
    Record<'en' | 'fr', { readonly shell: { readonly pageTitle: string }; readonly signIn: { readonly title: string; readonly intro: string; readonly label: string; readonly submit: string } }>
  >;
}

/** Run by webpack.config.js at build time: the table the early script is built with. */
export const signInStrings = ({ common, tab }: Catalogues): Record<'en' | 'fr', EarlySignInStrings> => {
  const pick = (lang: 'en' | 'fr'): EarlySignInStrings => ({
    appName: common[lang].appName,
    pageTitle: tab[lang].shell.pageTitle,
    title: tab[lang].signIn.title,
    intro: tab[lang].signIn.intro,
    label: tab[lang].signIn.label,
    submit: tab[lang].signIn.submit,
    loading: common[lang].loading.default,
  });
  return { en: pick('en'), fr: pick('fr') };
};

const el = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<Record<string, string>> = {}, children: ReadonlyArray<Node | string> = []): HTMLElementTagNameMap[K] => {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  // Text nodes only: users' names and titles never become markup.
  node.append(...children);
  return node;
};

/**
 * Draws the demo's "Sign in as" into `root` (replacing the loading shell) with the same structure,
 * names and roles as the app's own picker: a main landmark, a heading, a labelled native select (the
 * first user chosen, as there) and a submit button, so keyboard and screen-reader use is the
 * browser's own. Styled by the shell's themed stylesheet (shell.css). On submit, `onPick` gets the
 * user's UPN and the form gives way to a loading status until the app replaces the page.
 */
export const drawEarlySignIn = (root: HTMLElement, users: ReadonlyArray<Pick<SandboxUser, 'userPrincipalName' | 'displayName' | 'jobTitle'>>, s: EarlySignInStrings, onPick: (userPrincipalName: string) => void): void => {
  const doc = root.ownerDocument;
  const select = el(
    doc,
    'select',
    { id: 'early-sign-in-as', 'data-testid': 'sign-in-as', class: 'shell-select' },
    users.map((u) => el(doc, 'option', { value: u.userPrincipalName }, [u.jobTitle ? `${u.displayName} — ${u.jobTitle}` : u.displayName])),
  );
  const form = el(doc, 'form', { class: 'shell-form' }, [
    el(doc, 'div', { class: 'shell-field' }, [el(doc, 'label', { for: 'early-sign-in-as' }, [s.label]), select]),
    el(doc, 'button', { type: 'submit', class: 'shell-button' }, [s.submit]),
  ]);
  const section = el(doc, 'section', { class: 'shell-sign-in', 'aria-labelledby': 'early-sign-in-title' }, [
    el(doc, 'h2', { id: 'early-sign-in-title', class: 'shell-heading' }, [s.title]),
    el(doc, 'p', { class: 'shell-text' }, [s.intro]),
    form,
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = select.value;
    if (!chosen) return;
    section.replaceChildren(
      el(doc, 'div', { class: 'shell-loading', role: 'status', 'aria-live': 'polite' }, [el(doc, 'div', { class: 'shell-spinner', 'aria-hidden': 'true' }), el(doc, 'span', {}, [s.loading])]),
    );
    onPick(chosen);
  });
  root.replaceChildren(
    el(doc, 'div', { class: 'shell' }, [
      el(doc, 'header', {}, [el(doc, 'h1', { class: 'shell-title' }, [s.appName])]),
      el(doc, 'main', { id: 'main', class: 'shell-main' }, [section]),
    ]),
  );
  doc.title = s.pageTitle.replace('{{screen}}', () => s.title); // a function: a name's `$&` stays as typed
};
