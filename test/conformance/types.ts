// The shape of a conformance case: one fact about Microsoft Graph, the page or thread that states it, and a
// check that runs the same way against the sandbox and against a real tenant.

/** Where a case's fact comes from: a Microsoft Learn page, or a microsoftgraph/* GitHub thread with a maintainer's answer. */
export interface Source {
  url: string;
  /** The fact the case checks, in a short paraphrase of the source. */
  says: string;
}

export interface Res<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, the text otherwise, raw bytes for binary types. */
  body: T;
  bytes: Uint8Array;
}

export interface CallOptions {
  body?: unknown;
  /** Binary body (photos); sent as is with the Content-Type from headers. */
  raw?: Uint8Array;
  headers?: Record<string, string>;
  /** Another bearer than the run's (null: no Authorization header at all). */
  token?: string | null;
}

export interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** What the sandbox offers beyond Graph, for cases that need set-up a real tenant cannot give on demand. */
export interface SandboxAdmin {
  /** The admin base URL (…/sandbox). */
  url: string;
  /** A token for a seeded user; `scopes` with `exactScopes` asks for a token that carries only those delegated permissions. */
  token(upn: string, opts?: { scopes?: string[]; exactScopes?: boolean; expiresInSeconds?: number }): Promise<string>;
  /** The seeded users (upn, id, …) as GET /sandbox/users lists them. */
  users(): Promise<Array<Record<string, any>>>;
  setFaults(rules: unknown[]): Promise<void>;
  configure(config: Record<string, unknown>): Promise<void>;
}

export interface Ctx {
  target: 'sandbox' | 'graph';
  /** Graph base URL, e.g. https://graph.microsoft.com/v1.0 */
  baseUrl: string;
  /** The signed-in user of the run's token. */
  me(): Promise<{ id: string; userPrincipalName: string; mail: string | null; displayName: string }>;
  call<T = any>(method: string, path: string, opts?: CallOptions): Promise<Res<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<Res<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<Res<T>>;
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>): Promise<Res<T>>;
  del<T = any>(path: string, headers?: Record<string, string>): Promise<Res<T>>;
  batch(requests: BatchItem[]): Promise<Res>;
  /** The tag every object the suite creates carries, so a person can find and remove leftovers. */
  tag: {
    prefix: string;
    /** `[au-revoir-conformance] <text> <run id>` */
    subject(text: string): string;
    /** The extended property (id and value) set on every created event and contact. */
    property: { id: string; value: string };
  };
  /** POST /me/events with the tag added (subject prefix and extended property); deleted after the case. */
  createEvent(body: Record<string, unknown>, headers?: Record<string, string>): Promise<Res>;
  /** POST /me/contacts, tagged likewise; deleted after the case. */
  createContact(body: Record<string, unknown>): Promise<Res>;
  /** POST /me/outlook/masterCategories with a tagged name; deleted after the case. */
  createCategory(name: string, color: string): Promise<Res>;
  /** Run after the case, last registered first, whatever the outcome. */
  cleanup(fn: () => Promise<unknown>): void;
  /** Deletes `path` after the case. */
  deleteAfter(path: string): void;
  /** yyyy-mm-dd, `days` from today (UTC), so events land in the future on any run day. */
  day(days: number): string;
  /** Only when the target is the sandbox. */
  sandbox?: SandboxAdmin;
  /** True when the run may change mailbox settings (restored afterwards): always on the sandbox, opt-in on a tenant. */
  allowSettingsWrites: boolean;
}

export interface Case {
  id: string;
  title: string;
  source: Source;
  /** Set when the case needs the sandbox (seeded second mailbox, scoped tokens, fault injection): the reason, printed when skipped. */
  sandboxOnly?: string;
  /** Set when the case changes mailbox settings; on a tenant it runs only with --allow-settings-writes. */
  writesSettings?: boolean;
  run(ctx: Ctx): Promise<void>;
}
