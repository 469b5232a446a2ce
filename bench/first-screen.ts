/**
 * `npm run bench` (second part) or `npm run bench:first-screen`: how fast the pages open, against a
 * baseline build, in headless Chromium (Debian's /usr/bin/chromium via playwright-core) on this
 * machine, against the Graph sandbox. Medians of several runs, each figure beside the baseline's,
 * with the ratio → bench/results/first-screen.json. A benchmark, not a test (timings vary).
 *
 *   BASELINE_DIST   the baseline's build (default ../baseline10/dist: `git worktree add
 *                   ../baseline10 a7dca13`, copy node_modules, `npx webpack --mode production`)
 *   BASELINE_SRC    the baseline's src/, for listAlumni (default: next to BASELINE_DIST)
 *   RUNS            runs per figure (default 7)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import handler from 'serve-handler';
import { createSandbox, type Sandbox } from '../sandbox/index';
import { createSandboxTokenProvider } from '../src/auth';
import { WIZARD_STRINGS } from '../src/apps/tab/wizard/strings';
import { defaultAgenda } from '../src/domain/agenda';
import { CADENCE_PRESETS } from '../src/domain/cadence';
import type { Plan } from '../src/domain/plan/model';
import { DEFAULT_WORKING_HOURS, ianaTimeZone, isoDate, localDateTime, planId } from '../src/domain/types';
import { TAB_STRINGS } from '../src/apps/tab/strings';
import { createAuRevoirService } from '../src/workflows';

const ROOT = resolve(__dirname, '..');
const CURRENT_DIST = process.env.AU_REVOIR_E2E_DIST ?? join(ROOT, 'dist');
const BASELINE_DIST = resolve(process.env.BASELINE_DIST ?? join(ROOT, '..', 'baseline10', 'dist'));
const BASELINE_SRC = resolve(process.env.BASELINE_SRC ?? join(BASELINE_DIST, '..', 'src'));
const RUNS = Number(process.env.RUNS ?? 7);
const OUT = join(__dirname, 'results', 'first-screen.json');
const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const MANAGER = { upn: 'claire.martin@contoso.example' };
const LEAVER = 'Émilie Laurent';
const LEAVERS = ['emilie.laurent', 'lea.dubois', 'thomas.bernard', 'james.wilson', 'hugo.petit', 'emily.carter', 'sarah.johnson'];

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (n: number, digits = 0): number => Number(n.toFixed(digits));
const side = (current: number, baseline: number | undefined, digits = 0) => ({
  current: round(current, digits),
  baseline: baseline === undefined ? null : round(baseline, digits),
  ratio: baseline ? round(current / baseline, 2) : null,
});

/**
 * The scripts a page's HTML loads itself (not those it fetches later with import()), gzipped: its
 * <script src>, and the scripts it preloads for its early script to start (the tab's app bundle).
 */
const firstScreenScriptBytes = (dist: string, page: string): { files: string[]; gzipBytes: number } => {
  const html = readFileSync(join(dist, page), 'utf8');
  const files = [
    ...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"' >]+)/g),
    ...html.matchAll(/<link\b(?=[^>]*\srel=["']?preload)(?=[^>]*\sas=["']?script)[^>]*\shref=["']?([^"' >]+)/g),
  ].map((m) => m[1]!.replace(/^\//, ''));
  return { files, gzipBytes: files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0) };
};

const serve = async (dir: string): Promise<{ url: string; close: () => Promise<void> }> => {
  const server: Server = createServer((req, res) => void handler(req, res, { public: dir, cleanUrls: false, directoryListing: false }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
};

/** Milliseconds since navigation start (the page's own clock) at which `predicate` first holds, checked every frame. */
const whenTrue = async (page: Page, predicate: string): Promise<number> => {
  const handle = await page.waitForFunction(`(() => (${predicate}) ? performance.now() : false)()`, undefined, { polling: 'raf', timeout: 60_000 });
  return Number(await handle.jsonValue());
};

const fcpOf = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        const found = performance.getEntriesByName('first-contentful-paint')[0];
        if (found) return done(found.startTime);
        new PerformanceObserver((list) => {
          const e = list.getEntriesByName('first-contentful-paint')[0];
          if (e) done(e.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );

interface TabRun {
  fcp: number;
  signInAsUsable: number;
  signInToDepartures: number;
  /** From opening the page to the departures listed, signing in as soon as "Sign in as" is usable. */
  openToDepartures: number;
  openWizard: number;
}

const T = TAB_STRINGS.en;
const W = WIZARD_STRINGS.en;
const planFor = T.departures.planFor.replace('{{name}}', LEAVER);

/**
 * The probes below are strings the page evaluates, which the pages' CSP (no 'unsafe-eval') refuses, so
 * the bench's contexts bypass the CSP: it changes nothing of what is measured (script bytes, paint, clicks).
 */
/** One cold visit of the tab: first paint, "Sign in as" usable, sign in, departures listed, wizard open. */
const tabRun = async (browser: Browser, web: string, sandbox: Sandbox): Promise<TabRun> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/Paris', bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(`${web}/tab.html?sandbox=${encodeURIComponent(sandbox.url)}&locale=en&theme=default`, { waitUntil: 'commit' });
    // Usable: the select is there, enabled, with the demo users in it, and the button beside it.
    const signInAsUsable = await whenTrue(
      page,
      `(() => { const s = document.querySelector('[data-testid="sign-in-as"]'); return !!s && !s.disabled && s.options.length > 0 && [...document.querySelectorAll('button')].some((b) => b.textContent === ${JSON.stringify(T.signIn.submit)}); })()`,
    );
    const fcp = await fcpOf(page);
    await page.getByTestId('sign-in-as').selectOption(MANAGER.upn);
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: T.signIn.submit, exact: true }).click();
    // Listed: the departure's "plan" button is on screen (the list came back from Graph).
    const listed = await whenTrue(page, `[...document.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent) === ${JSON.stringify(planFor)})`);
    const t1 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: planFor, exact: true }).click();
    const opened = await whenTrue(page, `[...document.querySelectorAll('h3')].some((h) => h.textContent === ${JSON.stringify(W.steps.when)})`);
    return { fcp, signInAsUsable, signInToDepartures: listed - t0, openToDepartures: listed, openWizard: opened - t1 };
  } finally {
    await context.close();
  }
};

const taskpaneFcp = async (browser: Browser, web: string, sandbox: Sandbox): Promise<number> => {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris', bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(`${web}/taskpane.html?sandbox=${encodeURIComponent(sandbox.url)}&locale=en&theme=default`, { waitUntil: 'load' });
    return await fcpOf(page);
  } finally {
    await context.close();
  }
};

const makePlan = (sandbox: Sandbox, i: number): Plan => {
  const leaver = sandbox.store.user(`${LEAVERS[i % LEAVERS.length]!}@contoso.example`);
  if (!leaver) throw new Error('seeded user missing');
  return {
    id: planId(`bench-alumni-${String(i).padStart(3, '0')}-${crypto.randomUUID()}`),
    manager: { displayName: 'Claire Martin', email: MANAGER.upn, workingHours: DEFAULT_WORKING_HOURS },
    leaver: { userId: leaver.id, displayName: leaver.displayName, workEmail: leaver.mail, lastWorkingDay: isoDate('2027-03-12'), personalEmail: `alumnus${i}@example.org`, consentToKeepContact: true },
    conversation: { start: localDateTime('2027-03-03T14:00'), durationMinutes: 60, timeZone: ianaTimeZone('Europe/Paris'), place: { kind: 'teams' } },
    agenda: defaultAgenda('en'),
    prepNotes: '',
    prepReminder: { minutesBefore: 24 * 60, durationMinutes: 30 },
    cadence: CADENCE_PRESETS.gentle,
    reconnect: true,
  };
};

type ServiceFactory = typeof createAuRevoirService;

/** listAlumni over 50 booked alumni with their series: round trips (the sandbox's log) and wall time. */
const alumniRuns = async (sandbox: Sandbox, create: ServiceFactory): Promise<{ roundTrips: number; wallMs: number; alumni: number }> => {
  const svc = create({ graphBaseUrl: sandbox.graphUrl, tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER.upn }) });
  const now = new Date('2027-05-20T10:00:00Z');
  await svc.listAlumni(now); // the token, outside the measurement
  const trips: number[] = [];
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i += 1) {
    sandbox.clearLog();
    let t0 = performance.now();
    count = (await svc.listAlumni(now).catch(async (e: unknown) => {
      // Seen on the shared machine under heavy load: `fetch failed` (a kept-alive socket the
      // sandbox had just closed). Once more, measured afresh; a second failure is real.
      console.warn('listAlumni failed once, measuring again:', e instanceof Error ? e.message.slice(0, 80) : e);
      sandbox.clearLog();
      t0 = performance.now();
      return svc.listAlumni(now);
    })).length;
    times.push(performance.now() - t0);
    trips.push(sandbox.log().filter((e) => e.roundTrip).length);
  }
  return { roundTrips: median(trips), wallMs: median(times), alumni: count };
};

const main = async (): Promise<void> => {
  for (const [name, dir] of [['current', CURRENT_DIST], ['baseline', BASELINE_DIST]] as const) {
    if (!existsSync(join(dir, 'tab.html'))) throw new Error(`${name} build missing: ${dir}/tab.html (see the header of bench/first-screen.ts)`);
  }
  const loadBefore = loadavg().map((n) => round(n, 1));
  // Each build against the sandbox of its own commit: the sandbox has since learned Graph's rules
  // (scopes in tokens, among others) that the baseline's dev sign-in predates, and the figures are
  // about opening the pages, not about that.
  const baselineSandboxModule = join(BASELINE_SRC, '..', 'sandbox', 'index.ts');
  const createBaselineSandbox: typeof createSandbox = existsSync(baselineSandboxModule)
    ? ((await import(baselineSandboxModule)) as { createSandbox: typeof createSandbox }).createSandbox
    : createSandbox;
  const [sandbox, baselineSandbox, browser, current, baseline] = await Promise.all([
    createSandbox({ port: 0, dataFile: null, quiet: true }),
    createBaselineSandbox({ port: 0, dataFile: null, quiet: true }),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
    serve(CURRENT_DIST),
    serve(BASELINE_DIST),
  ]);
  try {
    const runs: Record<'current' | 'baseline', { tab: TabRun[]; taskpaneFcp: number[] }> = { current: { tab: [], taskpaneFcp: [] }, baseline: { tab: [], taskpaneFcp: [] } };
    await tabRun(browser, current.url, sandbox); // warm Chromium and the sandboxes, not measured
    await tabRun(browser, baseline.url, baselineSandbox);
    // Interleaved, so that the machine's other load falls on both builds alike.
    for (let i = 0; i < RUNS; i += 1) {
      for (const [name, web, sb] of [['current', current.url, sandbox], ['baseline', baseline.url, baselineSandbox]] as const) {
        sb.reset();
        runs[name].tab.push(await tabRun(browser, web, sb));
        runs[name].taskpaneFcp.push(await taskpaneFcp(browser, web, sb));
      }
    }
    const med = (name: 'current' | 'baseline', k: keyof TabRun) => median(runs[name].tab.map((r) => r[k]));
    console.log('tab medians (current / baseline):', Object.fromEntries((Object.keys(runs.current.tab[0]!) as Array<keyof TabRun>).map((k) => [k, [round(med('current', k)), round(med('baseline', k))]])));

    // 50 alumni, each with a conversation, one-off touchpoints and their series.
    sandbox.reset();
    const booker = createAuRevoirService({ graphBaseUrl: sandbox.graphUrl, tokenProvider: createSandboxTokenProvider({ sandboxUrl: sandbox.url, user: MANAGER.upn }) });
    const booked = await booker.bookPlans(Array.from({ length: 50 }, (_, i) => makePlan(sandbox, i)));
    if (booked.some((r) => !('receipt' in r) || !r.receipt.complete)) throw new Error('booking the 50 alumni failed');
    const baselineWorkflows = join(BASELINE_SRC, 'workflows', 'index.ts');
    const alumniNow = await alumniRuns(sandbox, createAuRevoirService);
    const alumniBase = existsSync(baselineWorkflows)
      ? await alumniRuns(sandbox, ((await import(baselineWorkflows)) as { createAuRevoirService: ServiceFactory }).createAuRevoirService)
      : undefined;

    const bytes = (dist: string, page: string) => firstScreenScriptBytes(dist, page);
    const kb = (n: number) => n / 1024;
    const report = {
      at: new Date().toISOString(),
      what: 'medians of RUNS cold visits each (fresh browser context), headless Chromium, local static server and in-process Graph sandbox, no added latency; baseline = the build before this work',
      runs: RUNS,
      // Timings scale with the machine's other load (this one is shared): compare the ratios.
      loadAverage: { before: loadBefore, after: loadavg().map((n) => round(n, 1)) },
      baseline: { dist: BASELINE_DIST },
      firstScreenScriptGzipKB: {
        tab: side(kb(bytes(CURRENT_DIST, 'tab.html').gzipBytes), kb(bytes(BASELINE_DIST, 'tab.html').gzipBytes), 1),
        taskpane: side(kb(bytes(CURRENT_DIST, 'taskpane.html').gzipBytes), kb(bytes(BASELINE_DIST, 'taskpane.html').gzipBytes), 1),
        files: { tab: bytes(CURRENT_DIST, 'tab.html').files, taskpane: bytes(CURRENT_DIST, 'taskpane.html').files },
      },
      tabMs: {
        firstContentfulPaint: side(med('current', 'fcp'), med('baseline', 'fcp')),
        signInAsUsable: side(med('current', 'signInAsUsable'), med('baseline', 'signInAsUsable')),
        signInToDeparturesListed: side(med('current', 'signInToDepartures'), med('baseline', 'signInToDepartures')),
        // The two above added up, per run: a picker usable sooner is clicked sooner, while the app's
        // bundle may still be loading, so the click's share grows; this is what the user waits in all.
        openToDeparturesListed: side(med('current', 'openToDepartures'), med('baseline', 'openToDepartures')),
        openWizard: side(med('current', 'openWizard'), med('baseline', 'openWizard')),
      },
      taskpaneMs: { firstContentfulPaint: side(median(runs.current.taskpaneFcp), median(runs.baseline.taskpaneFcp)) },
      listAlumni50WithSeries: {
        alumni: alumniNow.alumni,
        roundTrips: side(alumniNow.roundTrips, alumniBase?.roundTrips),
        wallMs: side(alumniNow.wallMs, alumniBase?.wallMs),
      },
      rawMs: runs,
    };
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' ? round(v, 2) : v), 2)}\n`);

    const rows: Array<[string, { current: number; baseline: number | null; ratio: number | null }]> = [
      ['tab first screen, KB gzip', report.firstScreenScriptGzipKB.tab],
      ['task pane first screen, KB gzip', report.firstScreenScriptGzipKB.taskpane],
      ['tab first contentful paint, ms', report.tabMs.firstContentfulPaint],
      ['tab "Sign in as" usable, ms', report.tabMs.signInAsUsable],
      ['sign in → departures listed, ms', report.tabMs.signInToDeparturesListed],
      ['open → departures listed, ms', report.tabMs.openToDeparturesListed],
      ['open the wizard, ms', report.tabMs.openWizard],
      ['task pane first contentful paint, ms', report.taskpaneMs.firstContentfulPaint],
      ['listAlumni (50), round trips', report.listAlumni50WithSeries.roundTrips],
      ['listAlumni (50), ms', report.listAlumni50WithSeries.wallMs],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`First screen bench (medians of ${RUNS}; now vs baseline)`);
    for (const [label, v] of rows) console.log(`  ${label.padEnd(width)}  ${String(v.current).padStart(7)}  vs ${String(v.baseline).padStart(7)}  (×${v.ratio})`);
    console.log(`  → ${OUT}`);
  } finally {
    await browser.close();
    await Promise.all([current.close(), baseline.close(), sandbox.close(), baselineSandbox.close()]);
  }
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
