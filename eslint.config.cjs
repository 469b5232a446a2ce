// Lint enforces the layers of the README ("Architecture and import rules").
// CommonJS so that the architecture test can load it inside jest (whose VM cannot import() an .mjs).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { importX } = require('eslint-plugin-import-x');
const { createTypeScriptImportResolver } = require('eslint-import-resolver-typescript');
const reactHooks = require('eslint-plugin-react-hooks');
const maxUseState = require('./eslint-rules/max-use-state.cjs');

const layer = (name) => `./src/${name}`;

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.sandbox-data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      // Imports flow one way: domain <- graph/auth/hosts <- workflows <- ui <- apps.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: layer('domain'),
              from: ['./src', './sandbox'],
              except: ['./domain'],
              message: 'domain/ imports nothing outside domain/.',
            },
            { target: [layer('graph'), layer('auth'), layer('hosts')], from: [layer('workflows'), layer('ui'), layer('apps')], message: 'graph/auth/hosts sit below workflows, ui and apps.' },
            { target: layer('workflows'), from: [layer('ui'), layer('apps')], message: 'workflows/ sits below ui/ and apps/.' },
            { target: layer('ui'), from: [layer('apps')], message: 'ui/ is shared by the apps and never imports them.' },
            { target: layer('apps/tab'), from: layer('apps/addin'), message: 'The two apps never import each other.' },
            { target: layer('apps/addin'), from: layer('apps/tab'), message: 'The two apps never import each other.' },
            { target: layer('apps/meeting'), from: [layer('apps/tab'), layer('apps/addin')], message: 'The apps never import each other.' },
            { target: [layer('apps/tab'), layer('apps/addin')], from: layer('apps/meeting'), message: 'The apps never import each other.' },
            { target: './src', from: './sandbox', message: 'The sandbox is never bundled into the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/hosts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@microsoft/teams-js', message: 'Host SDKs only in src/hosts/.' },
          ],
          patterns: [{ group: ['office-js', '@types/office-js'], message: 'Host SDKs only in src/hosts/.' }],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/graph/**', 'src/hosts/**', 'src/auth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@microsoft/teams-js', message: 'Host SDKs only in src/hosts/.' },
            { name: '@microsoft/microsoft-graph-client', message: 'Graph calls only in src/graph/.' },
            { name: '@azure/msal-browser', message: 'Authentication only in src/auth/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@fluentui/*', '@microsoft/*', '@azure/*', 'node:*', 'fs', 'http', 'https', 'i18next'],
              message: 'domain/ is pure: no React, Graph, SDKs or I/O.',
            },
          ],
        },
      ],
      // Time comes in as an argument: the domain never reads the clock.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass the time in; domain/ never reads the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the time in; domain/ never reads the clock.' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(now|local)$/]", message: 'Pass the time in; domain/ never reads the clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'domain/ is deterministic.' },
      ],
    },
  },
  {
    // The rules of hooks, and the React Compiler's checks of them (react.dev/reference/eslint-plugin-react-hooks).
    // Dependencies are an error, not a warning: a missing one is a stale screen. A deliberate exception
    // says why on the line it silences.
    files: ['src/**/*.{ts,tsx}', 'test/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Components that fit on a screen: more state than this belongs in a reducer, a hook or a child.
    files: ['src/apps/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    plugins: { 'au-revoir': { rules: { 'max-use-state': maxUseState } } },
    rules: { 'au-revoir/max-use-state': ['error', { max: 6 }] },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts', 'sandbox/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
