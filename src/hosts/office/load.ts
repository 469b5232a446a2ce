import { AppError } from '../../domain/errors';
import type { OfficeApi } from './office-types';

/**
 * Getting hold of Office.js. The page never loads it unless Outlook opened it (`?host=outlook`, a
 * hint the manifest's URLs carry): in a plain browser the CDN script is dead weight, and offline it
 * would only fail. Nothing else in the app reads the `Office` global.
 */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export type OfficeAvailability =
  /** Outlook (or a test host standing in for it) gave us a mailbox item. */
  | { readonly kind: 'outlook'; readonly office: OfficeApi }
  /** A plain browser: no Office.js, or Office.onReady said there is no host. */
  | { readonly kind: 'browser'; readonly reason: 'noOfficeJs' | 'noHost' | 'noItem' };

const officeOf = (win: Window): OfficeApi | undefined => (win as unknown as { Office?: OfficeApi }).Office;

/** Adds the Office.js script tag and resolves when it has run (or rejects when it cannot load). */
const injectScript = (doc: Document, src: string, timeoutMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.async = false;
    const timer = setTimeout(() => reject(new AppError({ code: 'network', detail: `Office.js did not load within ${timeoutMs} ms` })), timeoutMs);
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new AppError({ code: 'network', detail: `could not load ${src}` }));
    };
    doc.head.appendChild(script);
  });

export interface DetectOfficeInput {
  readonly win: Window;
  /** `outlook` when the manifest's URL said so. */
  readonly hostHint: string | null;
  readonly timeoutMs?: number;
}

/**
 * Finds Office: an `Office` already on the page (a test host), or, when the URL says Outlook opened
 * us, the CDN script (its URL may be overridden by `<script id="office-js" data-src>` in the page).
 */
export const detectOffice = async ({ win, hostHint, timeoutMs = 15_000 }: DetectOfficeInput): Promise<OfficeAvailability> => {
  let office = officeOf(win);
  if (!office && hostHint === 'outlook') {
    const src = win.document.getElementById('office-js')?.getAttribute('data-src') || OFFICE_JS_URL;
    await injectScript(win.document, src, timeoutMs);
    office = officeOf(win);
  }
  if (!office) return { kind: 'browser', reason: 'noOfficeJs' };
  const info = await office.onReady();
  if (!info.host) return { kind: 'browser', reason: 'noHost' };
  if (!office.context.mailbox?.item) return { kind: 'browser', reason: 'noItem' };
  return { kind: 'outlook', office };
};
