import path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The import rules (README, "Architecture and import rules") are enforced by lint; these tests show lint really rejects
 * each kind of crossing (a rule that cannot fail protects nothing). One ESLint instance, in process,
 * with the repo's own eslint.config.cjs: starting the CLI once per case cost seconds each.
 */
const root = path.resolve(__dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS on purpose
  const config = require(path.join(root, 'eslint.config.cjs')) as ESLint.Options['overrideConfig'];
  eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
});

const lint = async (file: string, code: string) => {
  const [report] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return report!.messages;
};

describe('layer rules', () => {
  jest.setTimeout(60_000);

  it('rejects a domain file importing another layer, React, an SDK, or reading the clock', async () => {
    const messages = await lint(
      'src/domain/agenda/leak.ts',
      [
        "import { x } from '../../workflows/service';",
        "import { useState } from 'react';",
        "import { app } from '@microsoft/teams-js';",
        'export const now = [x, useState, app, Date.now(), new Date()];',
      ].join('\n'),
    );
    const rules = messages.map((m) => m.ruleId);
    expect(rules).toContain('import-x/no-restricted-paths');
    expect(rules.filter((r) => r === 'no-restricted-imports').length).toBeGreaterThanOrEqual(1);
    expect(rules.filter((r) => r === 'no-restricted-syntax')).toHaveLength(2);
  });

  it('rejects one app importing the other', async () => {
    const messages = await lint('src/apps/addin/leak.ts', "import { App } from '../tab/index';\nexport const a = App;\n");
    expect(messages.map((m) => m.message).join('\n')).toMatch(/never import each other/);
  });

  it('keeps teams-js out of everything but src/hosts', async () => {
    const outside = await lint('src/ui/leak.ts', "import { app } from '@microsoft/teams-js';\nexport const a = app;\n");
    expect(outside.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const inside = await lint('src/hosts/teams/ok.ts', "import { app } from '@microsoft/teams-js';\nexport const a = app;\n");
    expect(inside.map((m) => m.ruleId)).not.toContain('no-restricted-imports');
  });

  it('keeps the Graph SDK inside src/graph', async () => {
    const messages = await lint(
      'src/workflows/leak.ts',
      "import { Client } from '@microsoft/microsoft-graph-client';\nexport const c = Client;\n",
    );
    expect(messages.map((m) => m.message).join('\n')).toMatch(/Graph calls only in src\/graph/);
  });
});

describe('component rules', () => {
  jest.setTimeout(60_000);

  const component = (states: number) =>
    [
      "import { useState } from 'react';",
      'export const Form = () => {',
      ...Array.from({ length: states }, (_, i) => `  const [v${i}, set${i}] = useState(${i});`),
      `  return [${Array.from({ length: states }, (_, i) => `v${i}, set${i}`).join(', ')}];`,
      '};',
    ].join('\n');

  it('refuses a component holding more than 6 useState, and names it', async () => {
    const seven = await lint('src/apps/tab/screens/Leak.tsx', component(7));
    expect(seven.filter((m) => m.ruleId === 'au-revoir/max-use-state').map((m) => m.message)).toEqual([
      expect.stringMatching(/^Form holds 7 useState \(at most 6\)/),
    ]);
    const six = await lint('src/ui/Fine.tsx', component(6));
    expect(six.map((m) => m.ruleId)).not.toContain('au-revoir/max-use-state');
  });

  it('counts per component, not per file', async () => {
    const code = [
      "import { useState } from 'react';",
      'export const A = () => { const [a, b] = useState(0); const [c, d] = useState(0); const [e, f] = useState(0); return [a, b, c, d, e, f]; };',
      'export const B = () => { const [a, b] = useState(0); const [c, d] = useState(0); const [e, f] = useState(0); const [g, h] = useState(0); return [a, b, c, d, e, f, g, h]; };',
    ].join('\n');
    expect((await lint('src/ui/Two.tsx', code)).map((m) => m.ruleId)).not.toContain('au-revoir/max-use-state');
  });

  it('lints the rules of hooks: a hook after an early return and a missing effect dependency are errors', async () => {
    const messages = await lint(
      'src/ui/Hooks.tsx',
      [
        "import { useEffect, useState } from 'react';",
        'export const Late = ({ id, hidden }: { id: string; hidden: boolean }) => {',
        '  if (hidden) return null;',
        '  const [v, setV] = useState(id);',
        '  useEffect(() => { void fetch(id).then(() => setV(id)); }, []);',
        '  return v;',
        '};',
      ].join('\n'),
    );
    const errors = messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(errors).toContain('react-hooks/rules-of-hooks');
    expect(errors).toContain('react-hooks/exhaustive-deps');
  });
});
