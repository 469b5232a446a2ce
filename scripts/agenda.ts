/**
 * Prints the exit-conversation agenda, so HR writers can read the template without the app.
 *
 *   npm run agenda -- --lang fr --minutes 45 [--name "Jean Dupont"] [--manager "Claire Martin"] [--html]
 *
 * Bad arguments print a clear message and the usage on stderr and exit with code 2.
 */
import { parseArgs } from 'node:util';
import { defaultAgenda, inviteSubject, renderInviteHtml, renderInviteText } from '../src/domain/agenda';
import { isLang } from '../src/domain/types';

const MIN_MINUTES = 10;
const MAX_MINUTES = 240;

const USAGE = `Usage: npm run agenda -- --lang <fr|en> --minutes <${MIN_MINUTES}-${MAX_MINUTES}> [--name "Jean Dupont"] [--manager "Claire Martin"] [--html]

Prints the invite of the exit conversation: subject, then the agenda with minutes per section.
  --lang      language of the agenda: fr or en (required)
  --minutes   length of the meeting in whole minutes, ${MIN_MINUTES} to ${MAX_MINUTES} (required)
  --name      the leaver's name (default: a sample name)
  --manager   the manager's name, to sign the invite (default: a sample name)
  --html      print the Outlook HTML body instead of plain text
  --help      show this help`;

const SAMPLE = {
  fr: { name: 'Camille Durand', manager: 'Claire Martin' },
  en: { name: 'Alex Taylor', manager: 'Sam Morgan' },
} as const;

class UsageError extends Error {}

interface Options {
  readonly help: boolean;
  readonly lang: 'fr' | 'en';
  readonly minutes: number;
  readonly name: string;
  readonly manager: string;
  readonly html: boolean;
}

const parse = (argv: readonly string[]): Options | { readonly help: true } => {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        lang: { type: 'string' },
        minutes: { type: 'string' },
        name: { type: 'string' },
        manager: { type: 'string' },
        html: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    // parseArgs explains unknown flags and missing values well; keep its words.
    throw new UsageError(e instanceof Error ? e.message : String(e), { cause: e });
  }
  if (values.help) return { help: true };
  if (values.lang === undefined) throw new UsageError('--lang is required (fr or en).');
  if (!isLang(values.lang)) throw new UsageError(`--lang must be fr or en, not "${values.lang}".`);
  if (values.minutes === undefined) throw new UsageError('--minutes is required.');
  const minutes = /^\d+$/.test(values.minutes.trim()) ? Number(values.minutes.trim()) : NaN;
  if (!Number.isSafeInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    throw new UsageError(`--minutes must be a whole number from ${MIN_MINUTES} to ${MAX_MINUTES}, not "${values.minutes}".`);
  }
  if (values.name !== undefined && values.name.trim() === '') throw new UsageError('--name must not be empty.');
  return {
    help: false,
    lang: values.lang,
    minutes,
    name: values.name ?? SAMPLE[values.lang].name,
    manager: values.manager ?? SAMPLE[values.lang].manager,
    html: values.html,
  };
};

/** Where the CLI writes; the real process streams unless a test passes its own. */
export interface Io {
  readonly out: { write(s: string): unknown };
  readonly err: { write(s: string): unknown };
}

/** Runs the CLI on `argv` (without node and the script path); returns the exit code. */
export const main = (argv: readonly string[], io: Io = { out: process.stdout, err: process.stderr }): number => {
  let options;
  try {
    options = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err.write(`agenda: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out.write(`${USAGE}\n`);
    return 0;
  }
  const { lang, minutes, name, manager, html } = options as Options;
  const input = { agenda: defaultAgenda(lang), durationMinutes: minutes, leaverName: name, managerName: manager };
  const subject = inviteSubject(lang, name);
  if (html) {
    // A comment ends at the first "--" followed by ">": break every "--" so a name cannot end it.
    io.out.write(`<!-- Subject: ${subject.replace(/-(?=-)/g, '- ')} -->\n${renderInviteHtml(input)}\n`);
  } else {
    const label = lang === 'fr' ? 'Objet\u00a0: ' : 'Subject: ';
    io.out.write(`${label}${subject}\n\n${renderInviteText(input)}`);
  }
  return 0;
};

// Run only when started as a script (tsx scripts/agenda.ts), not when a test imports main().
if (require.main === module) process.exitCode = main(process.argv.slice(2));
