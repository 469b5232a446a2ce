/**
 * i18n keys are typed (src/ui/i18n: each catalogue adds its namespace to i18next's
 * `ResourceNamespaceMap`), so a mistyped key is a type error, not a raw key on screen. As
 * test/unit/architecture.test.ts does for the import rules, this proves the check can fail: the
 * TypeScript compiler, in process, type-checks small files placed among the app's sources, with the
 * repo's own tsconfig, and must reject each wrong key and accept each right one.
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../..');

/** Fixture files, as if they were sources of the app (so their relative imports resolve). */
const FIXTURES: Record<string, string> = {
  // A tab screen's hook: useTranslation with the namespace constant from its catalogue.
  'src/apps/tab/screens/__typed-keys-wrong.ts': [
    "import { useTranslation } from 'react-i18next';",
    "import { TAB_NAMESPACE } from '../strings';",
    'export const useWrong = () => {',
    '  const { t } = useTranslation(TAB_NAMESPACE);',
    "  return t('departures.titel');",
    '};',
  ].join('\n'),
  'src/apps/tab/screens/__typed-keys-right.ts': [
    "import { useTranslation } from 'react-i18next';",
    "import { TAB_NAMESPACE } from '../strings';",
    "import { COMMON_NAMESPACE } from '../../../ui/strings';",
    'export const useRight = () => {',
    '  const { t } = useTranslation(TAB_NAMESPACE);',
    "  return [t('departures.title'), t('departures.count', { count: 2 }), t('appName', { ns: COMMON_NAMESPACE })];",
    '};',
  ].join('\n'),
  // The wizard's fixed-language translator, and the add-in's namespace.
  'src/apps/tab/wizard/__typed-keys-wrong.ts': [
    "import type { WizardT } from './i18n';",
    "export const label = (t: WizardT) => t('reconnect.presett');",
  ].join('\n'),
  'src/apps/tab/wizard/__typed-keys-right.ts': [
    "import type { WizardT } from './i18n';",
    "export const label = (t: WizardT) => t('reconnect.preset');",
  ].join('\n'),
  'src/apps/addin/__typed-keys-wrong.ts': [
    "import type { TFunction } from 'i18next';",
    "import type { ADDIN_NAMESPACE } from './strings';",
    // A key of another namespace (the tab's) is not a key of this one.
    "export const label = (t: TFunction<typeof ADDIN_NAMESPACE>) => t('departures.title');",
  ].join('\n'),
  // A namespace nobody registered.
  'src/ui/__typed-keys-wrong.ts': [
    "import { useTranslation } from 'react-i18next';",
    "export const useWrong = () => useTranslation('nowhere').t('title');",
  ].join('\n'),
};

let diagnostics: Map<string, string[]>;

beforeAll(() => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json not readable');
  // No ambient test types: only what the fixtures import is checked.
  const options: ts.CompilerOptions = { ...config.options, types: [], noEmit: true };
  const fixtures = new Map(Object.entries(FIXTURES).map(([file, text]) => [path.join(root, file), text]));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => fixtures.has(path.resolve(f)) || fileExists.call(host, f);
  host.readFile = (f) => fixtures.get(path.resolve(f)) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = fixtures.get(path.resolve(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : getSourceFile.call(host, f, lang, ...rest);
  };
  const program = ts.createProgram([...fixtures.keys()], options, host);
  diagnostics = new Map(
    [...fixtures.keys()].map((f) => [
      path.relative(root, f).split(path.sep).join('/'),
      ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}, 120_000);

describe('typed i18n keys', () => {
  it('rejects a misspelt key of the tab’s namespace, naming it', () => {
    const found = diagnostics.get('src/apps/tab/screens/__typed-keys-wrong.ts')!;
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain('"departures.titel"');
  });

  it('accepts the right keys, a plural read by its base key, and another namespace named in the options', () => {
    expect(diagnostics.get('src/apps/tab/screens/__typed-keys-right.ts')).toEqual([]);
  });

  it('types the wizard’s fixed-language translator too', () => {
    expect(diagnostics.get('src/apps/tab/wizard/__typed-keys-wrong.ts')!.join('\n')).toContain('"reconnect.presett"');
    expect(diagnostics.get('src/apps/tab/wizard/__typed-keys-right.ts')).toEqual([]);
  });

  it('keeps each namespace’s keys to itself, and refuses a namespace no catalogue registered', () => {
    expect(diagnostics.get('src/apps/addin/__typed-keys-wrong.ts')!.join('\n')).toContain('"departures.title"');
    expect(diagnostics.get('src/ui/__typed-keys-wrong.ts')!.join('\n')).toContain('"nowhere"');
  });
});
