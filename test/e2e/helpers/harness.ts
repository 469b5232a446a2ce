/**
 * The end-to-end harness: the BUILT app (dist/, which `npm test` builds first) served on a free port,
 * the Graph sandbox in-process on another, and Debian's Chromium driven by playwright-core. One
 * browser per test file, a fresh context (cookies, storage) per test.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import handler from 'serve-handler';
import { createSandbox, type Sandbox } from '../../../sandbox';

export const ROOT = path.resolve(__dirname, '../../..');
/** dist/ by default; AU_REVOIR_E2E_DIST points the tests at another build (e.g. while dist/ is rebuilt). */
export const DIST = process.env.AU_REVOIR_E2E_DIST ?? path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_PATH = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type ThemeName = 'default' | 'dark' | 'contrast';
export type Locale = 'en' | 'fr';

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves dist/ as a static site (the app is one), on 127.0.0.1 and a free port. */
export const serveDist = async (dir = DIST): Promise<StaticServer> => {
  if (!existsSync(path.join(dir, 'tab.html'))) {
    throw new Error(`${dir}/tab.html is missing: run \`npm run build\` first (npm test does it in pretest)`);
  }
  const server: Server = createServer((req, res) => {
    void handler(req, res, { public: dir, cleanUrls: false, directoryListing: false });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

export interface Stack {
  readonly web: StaticServer;
  readonly sandbox: Sandbox;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Everything a test file needs; call once in beforeAll, close in afterAll. */
export const startStack = async (): Promise<Stack> => {
  const [web, sandbox, browser] = await Promise.all([
    serveDist(),
    createSandbox({ port: 0, dataFile: null, quiet: true }),
    launchChromium(),
  ]);
  return {
    web,
    sandbox,
    browser,
    close: async () => {
      await browser.close();
      await Promise.all([web.close(), sandbox.close()]);
    },
  };
};

/**
 * The file's stack, started before its tests and closed after them; `use` receives it, so a test file
 * keeps its own `let stack`. With `fresh`, every test starts from the sandbox's seed, without faults.
 */
export const stackPerFile = (use: (stack: Stack) => void, { fresh = false }: { fresh?: boolean } = {}): void => {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack();
    use(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  // Every page opened through openApp or watchedContext during a test: none may have tripped the CSP.
  afterEach(expectNoCspViolationThisTest);
  if (fresh) {
    beforeEach(() => {
      stack!.sandbox.reset();
      stack!.sandbox.setFaults([]);
    });
  }
};

export interface OpenOptions {
  readonly locale?: Locale;
  readonly theme?: ThemeName;
  /** Page of dist/: tab.html (default) or taskpane.html. */
  readonly page?: string;
  readonly viewport?: { width: number; height: number };
}

export const pageUrl = (stack: Stack, opts: OpenOptions = {}): string => {
  const url = new URL(`/${opts.page ?? 'tab.html'}`, stack.web.url);
  url.searchParams.set('sandbox', stack.sandbox.url);
  url.searchParams.set('locale', opts.locale ?? 'en');
  url.searchParams.set('theme', opts.theme ?? 'default');
  return url.toString();
};

export interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors the page threw or logged, for a test to assert there were none. */
  readonly errors: string[];
  /**
   * Content-Security-Policy violations the page reported (`securitypolicyviolation` events), also
   * copied into `errors`. The built pages carry their CSP in a <meta> (scripts/csp.js), so every
   * e2e test runs with it on, and stackPerFile fails a test whose pages reported any.
   */
  readonly cspViolations: string[];
}

/** Fails the test when the page reported any CSP violation. */
const expectNoCspViolation = (opened: Pick<Opened, 'cspViolations'> | undefined): void => {
  if (opened && opened.cspViolations.length > 0) {
    throw new Error(`the page reported Content-Security-Policy violations:\n${opened.cspViolations.join('\n')}`);
  }
};

/** After each test, the context of the page it opened (`take` hands it over and forgets it) is closed. */
export const closeAfterEach = (take: () => Opened | undefined): void => {
  afterEach(async () => {
    await take()?.context.close();
  });
};

/** The violation lists of the contexts opened during the current test (stackPerFile checks them). */
const watchedThisTest: string[][] = [];

/** For afterEach: no context opened by watchedContext since the last call saw a CSP violation. */
export function expectNoCspViolationThisTest(): void {
  for (const cspViolations of watchedThisTest.splice(0)) expectNoCspViolation({ cspViolations });
}

/**
 * A context whose pages report CSP violations into the returned list, from before the page's own
 * scripts run. In a file set up with stackPerFile, the test fails afterwards if the list is not empty,
 * so every e2e test runs with the built pages' CSP on and sees no violation.
 */
export const watchedContext = async (
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
  also: (violation: string) => void = () => undefined,
): Promise<{ context: BrowserContext; cspViolations: string[] }> => {
  const context = await browser.newContext(options);
  const cspViolations: string[] = [];
  await watchCsp(context, (v) => {
    cspViolations.push(v);
    also(v);
  });
  watchedThisTest.push(cspViolations);
  return { context, cspViolations };
};

/** Listens for CSP violations in every page of `context`, from before the page's own scripts run. */
const watchCsp = async (context: BrowserContext, sink: (violation: string) => void): Promise<void> => {
  await context.exposeBinding('__auRevoirCspViolation', (_source, violation: string) => sink(violation));
  await context.addInitScript(() => {
    const report = (window as unknown as { __auRevoirCspViolation: (v: string) => void }).__auRevoirCspViolation;
    document.addEventListener(
      'securitypolicyviolation',
      (e) => report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || location.href}:${e.lineNumber}`),
      true,
    );
  });
};

/** A fresh context (no storage carried over) with the app opened in it. */
export const openApp = async (stack: Stack, opts: OpenOptions = {}): Promise<Opened> => {
  const errors: string[] = [];
  const { context, cspViolations } = await watchedContext(
    stack.browser,
    {
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      locale: opts.locale === 'fr' ? 'fr-FR' : 'en-GB',
      timezoneId: 'Europe/Paris',
      reducedMotion: 'reduce',
    },
    (v) => errors.push(`CSP: ${v}`),
  );

  const page = await context.newPage();
  // Generous: CI machines and shared ones run several builds at once.
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // teams-js asks a Microsoft CDN for validDomains.json when imported; offline that fails (PLATFORM-NOTES).
    if (m.type() === 'error' && !/validDomains|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())) {
      errors.push(m.text());
    }
  });
  await page.goto(pageUrl(stack, opts));
  return { context, page, errors, cspViolations };
};

/**
 * Waits until the page shows what a user would see: its web fonts loaded and two frames painted
 * since the last change (the first frame lays out what the last state change committed, the second
 * paints it). Replaces a fixed 100 ms pause before each screenshot and axe run: that pause was
 * either too short on a loaded machine or wasted on a quiet one.
 */
export const settled = (page: Page): Promise<void> =>
  page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });

/** Full-page screenshot under test-results/screenshots/ (gitignored). */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
};

/** A Graph request to the sandbox as `upn`, the way the app makes them; returns the parsed JSON. */
export const graph = async <T = unknown>(stack: Stack, upn: string, pathAndQuery: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(`${stack.sandbox.graphUrl}${pathAndQuery}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${stack.sandbox.token(upn)}`,
      'Content-Type': 'application/json',
      ...(init.headers ?? {}),
    },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${pathAndQuery} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
};

/** Every item of a Graph collection, following @odata.nextLink. */
export const graphAll = async <T>(stack: Stack, upn: string, pathAndQuery: string): Promise<T[]> => {
  const out: T[] = [];
  let next: string | undefined = pathAndQuery;
  while (next) {
    const page: { value: T[]; '@odata.nextLink'?: string } = await graph(stack, upn, next);
    out.push(...page.value);
    const link = page['@odata.nextLink'];
    next = link ? link.slice(link.indexOf('/v1.0') + '/v1.0'.length) : undefined;
  }
  return out;
};
