import { fill } from './texts/fill';
import type { Lang, Localized } from './types';

/**
 * The one error type of Au revoir. Every layer throws or returns it; the UI shows
 * `messageFor(err, lang)`, never `err.message` (which is for logs and engineers).
 */
export type ErrorCode =
  // input the user can fix
  | 'validation'
  // authentication and consent
  | 'auth.interactionRequired'
  | 'auth.consentRequired'
  | 'auth.failed'
  // Microsoft Graph answered with an error
  | 'graph.badRequest'
  | 'graph.unauthorized'
  | 'graph.forbidden'
  | 'graph.notFound'
  | 'graph.conflict'
  | 'graph.throttled'
  | 'graph.unavailable'
  | 'graph.server'
  | 'graph.dependencyFailed'
  // the request never got an answer
  | 'network'
  // a host (Teams, Outlook) lacks what the app needs
  | 'host.unsupported'
  | 'config.invalid'
  | 'unexpected';

export interface AppErrorInit {
  readonly code: ErrorCode;
  /** Key into the message catalogue (ERROR_MESSAGES below), e.g. `error.graph.throttled`. */
  readonly messageKey?: string;
  /** Whether the same call may succeed if tried again later (429, 503, 504, network). */
  readonly retryable?: boolean;
  /** HTTP status when the error came from an HTTP answer. */
  readonly status?: number;
  /** Graph's `error.code`, e.g. `ErrorItemNotFound`. */
  readonly graphCode?: string;
  /** Graph's `request-id`, for support. */
  readonly requestId?: string;
  /** Seconds Graph asked to wait (Retry-After). */
  readonly retryAfterSeconds?: number;
  /** Values to put in the message, e.g. `{ field: 'personalEmail' }`. */
  readonly params?: Readonly<Record<string, string | number>>;
  /** Technical detail for engineers. Never a token. */
  readonly detail?: string;
  readonly cause?: unknown;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'graph.throttled',
  'graph.unavailable',
  'network',
]);

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(init: AppErrorInit) {
    super(init.detail ?? init.messageKey ?? `error.${init.code}`, { cause: init.cause });
    this.code = init.code;
    this.messageKey = init.messageKey ?? `error.${init.code}`;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(init.code);
    this.status = init.status;
    this.graphCode = init.graphCode;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.params = init.params ?? {};
  }

  static is(e: unknown): e is AppError {
    return e instanceof AppError;
  }

  /** Wraps anything thrown into an AppError, keeping the original as `cause`. */
  static from(e: unknown, fallback: ErrorCode = 'unexpected'): AppError {
    if (e instanceof AppError) return e;
    const detail = e instanceof Error ? e.message : String(e);
    return new AppError({ code: fallback, detail, cause: e });
  }
}

/**
 * Messages for the error codes, in both languages. Keys not found here fall back to the code's
 * generic message so a user never sees a raw key.
 */
export const ERROR_MESSAGES: Readonly<Record<string, Localized>> = {
  'error.validation': {
    fr: 'Certaines informations sont à corriger.',
    en: 'Some details need fixing.',
  },
  'error.auth.interactionRequired': {
    fr: 'Veuillez vous reconnecter pour continuer.',
    en: 'Please sign in again to continue.',
  },
  'error.auth.consentRequired': {
    fr: 'Au revoir a besoin de votre accord pour accéder à votre calendrier et à vos contacts.',
    en: 'Au revoir needs your consent to use your calendar and contacts.',
  },
  'error.auth.adminConsentRequired': {
    fr: "Au revoir a besoin d'autorisations que seul l'administrateur Microsoft 365 de votre organisation peut accorder. Demandez-lui d'accorder le consentement administrateur à l'application Au revoir (ID d'application {{clientId}}) pour ces autorisations déléguées Microsoft Graph : {{permissions}}. Le lien ci-dessous ouvre la page de consentement pour votre organisation ; une fois le consentement accordé, réessayez.",
    en: "Au revoir needs permissions that only your organisation's Microsoft 365 administrator can grant. Ask them to grant admin consent to the Au revoir app (application ID {{clientId}}) for these delegated Microsoft Graph permissions: {{permissions}}. The link below opens the consent page for your organisation; once consent is granted, try again.",
  },
  'error.auth.consentDeclined': {
    fr: "Sans votre accord, Au revoir ne peut pas utiliser votre calendrier ni vos contacts. Connectez-vous de nouveau et acceptez pour continuer.",
    en: "Without your consent, Au revoir can't use your calendar and contacts. Sign in again and accept to continue.",
  },
  'error.auth.popupBlocked': {
    fr: "La fenêtre de connexion n'a pas pu s'ouvrir ou a été fermée. Autorisez les fenêtres contextuelles pour ce site, puis cliquez de nouveau sur « Se connecter ».",
    en: "The sign-in window couldn't open or was closed. Allow pop-ups for this site, then select “Sign in” again.",
  },
  'error.auth.failed': {
    fr: 'La connexion a échoué. Réessayez dans un instant.',
    en: 'Sign-in failed. Please try again in a moment.',
  },
  'error.graph.badRequest': {
    fr: 'Microsoft 365 a refusé la demande. Vérifiez les informations saisies.',
    en: 'Microsoft 365 turned the request down. Please check what you entered.',
  },
  'error.graph.unauthorized': {
    fr: 'Votre session a expiré. Reconnectez-vous.',
    en: 'Your session has expired. Please sign in again.',
  },
  'error.graph.forbidden': {
    fr: "Vous n'avez pas l'autorisation de faire cela dans Microsoft 365.",
    en: "You don't have permission to do this in Microsoft 365.",
  },
  'error.graph.notFound': {
    fr: "Cet élément n'existe plus dans Outlook. Il a peut-être été supprimé.",
    en: 'This item no longer exists in Outlook. It may have been deleted.',
  },
  'error.graph.conflict': {
    fr: 'Cet élément a été modifié entre-temps. Rechargez puis réessayez.',
    en: 'This item changed in the meantime. Reload and try again.',
  },
  'error.graph.throttled': {
    fr: 'Microsoft 365 est très sollicité. Réessayez dans quelques instants.',
    en: 'Microsoft 365 is busy. Please try again in a few moments.',
  },
  'error.graph.unavailable': {
    fr: 'Microsoft 365 est momentanément indisponible. Réessayez dans quelques instants.',
    en: 'Microsoft 365 is briefly unavailable. Please try again in a few moments.',
  },
  'error.graph.server': {
    fr: 'Microsoft 365 a rencontré une erreur. Réessayez ; rien ne sera créé en double.',
    en: 'Microsoft 365 ran into an error. Try again; nothing will be created twice.',
  },
  'error.graph.dependencyFailed': {
    fr: "Une étape n'a pas pu être faite parce qu'une autre a échoué. Réessayez.",
    en: "A step couldn't run because another one failed. Please try again.",
  },
  'error.network': {
    fr: 'La connexion a été interrompue. Vérifiez votre réseau puis réessayez.',
    en: 'The connection dropped. Check your network and try again.',
  },
  'error.host.unsupported': {
    fr: "Cette version d'Outlook ou de Teams ne permet pas d'utiliser Au revoir ici.",
    en: "This version of Outlook or Teams can't run Au revoir here.",
  },
  'error.config.invalid': {
    fr: "Au revoir est mal configuré. Contactez votre administrateur.",
    en: 'Au revoir is not configured correctly. Please contact your administrator.',
  },
  'error.unexpected': {
    fr: "Une erreur inattendue s'est produite. Réessayez.",
    en: 'Something unexpected happened. Please try again.',
  },
};

/** The text a user sees for an error, in their language. */
export const messageFor = (err: AppError, lang: Lang, catalogue = ERROR_MESSAGES): string => {
  const entry = catalogue[err.messageKey] ?? catalogue[`error.${err.code}`] ?? ERROR_MESSAGES['error.unexpected']!;
  return fill(entry[lang], err.params);
};
