import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The import rules of ARCHITECTURE.md are enforced by lint; these tests show lint really rejects
 * each kind of crossing (a rule that cannot fail protects nothing).
 */
const root = path.resolve(__dirname, '../..');
const eslint = path.join(root, 'node_modules/.bin/eslint');

const lint = (file: string, code: string) => {
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return report!.messages;
};

describe('layer rules', () => {
  jest.setTimeout(60_000);

  it('rejects a domain file importing another layer, React, an SDK, or reading the clock', () => {
    const messages = lint(
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

  it('rejects one app importing the other', () => {
    const messages = lint('src/apps/addin/leak.ts', "import { App } from '../tab/index';\nexport const a = App;\n");
    expect(messages.map((m) => m.message).join('\n')).toMatch(/never import each other/);
  });

  it('keeps teams-js out of everything but src/hosts', () => {
    const outside = lint('src/ui/leak.ts', "import { app } from '@microsoft/teams-js';\nexport const a = app;\n");
    expect(outside.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const inside = lint('src/hosts/teams/ok.ts', "import { app } from '@microsoft/teams-js';\nexport const a = app;\n");
    expect(inside.map((m) => m.ruleId)).not.toContain('no-restricted-imports');
  });

  it('keeps the Graph SDK inside src/graph', () => {
    const messages = lint(
      'src/workflows/leak.ts',
      "import { Client } from '@microsoft/microsoft-graph-client';\nexport const c = Client;\n",
    );
    expect(messages.map((m) => m.message).join('\n')).toMatch(/Graph calls only in src\/graph/);
  });
});
