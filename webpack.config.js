// One build, three pages: the Teams tab (tab.html), the Outlook task pane (taskpane.html) and the
// meeting side panel (meeting.html).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');
const { contentSecurityPolicy, staticWebAppConfig } = require('./scripts/csp');
const { require: requireTs } = require('tsx/cjs/api');
const { FirstScreenManifestPlugin, StaticAssetPlugin } = require('./scripts/first-screen-plugin');

// The shell's texts come from the app's own catalogue (both languages; the page shows one).
const { COMMON_STRINGS } = requireTs('./src/ui/strings.ts', path.join(__dirname, 'webpack.config.js'));
// The tab's early "Sign in as" (src/apps/shell/earlySignIn.ts): its few texts, from the same catalogues.
const { TAB_STRINGS } = requireTs('./src/apps/tab/strings.ts', path.join(__dirname, 'webpack.config.js'));
const { signInStrings } = requireTs('./src/apps/shell/earlySignIn.ts', path.join(__dirname, 'webpack.config.js'));

module.exports = (_env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const devPort = Number(process.env.PORT || 3000);
  // The policy follows the build's configuration (scripts/csp.js): Graph and the authority in tenant
  // mode, the loopback sandbox otherwise. The <meta> carries it in every built page.
  const cspOptions = {
    mode: process.env.AU_REVOIR_MODE === 'tenant' ? 'tenant' : 'sandbox',
    graphUrl: process.env.AU_REVOIR_GRAPH_URL || undefined,
    authority: process.env.AU_REVOIR_AUTHORITY || undefined,
  };
  // The pages' template (inject: false) writes this <meta> before any script.
  const csp = (officeJs) => contentSecurityPolicy({ ...cspOptions, officeJs });
  const shellCss = new StaticAssetPlugin(path.resolve(__dirname, 'src/apps/shell/shell.css'));
  // What each page loads: boot.js (sets the theme before the body paints), then its app. The tab's
  // tab-early.js asks for the demo's sign-in list and draws "Sign in as" before the app's bundle is
  // evaluated (src/apps/shell/tab-early.ts); the page preloads that bundle and tab-early.js starts it.
  // A tenant build has no such picker: its page loads the bundle as before.
  const pages = { 'tab.html': ['boot', 'tab-early', 'tab'], 'taskpane.html': ['boot', 'taskpane'] };
  // The meeting guide paints the same shell; it is not a first screen under the size budget (issue 10).
  const meetingChunks = ['boot', 'meeting'];
  const page = { template: './src/apps/page.html', title: 'Au revoir', inject: false, shellCss: `/${shellCss.name}`, strings: COMMON_STRINGS };
  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the pages' CSP allows no 'unsafe-eval', in development either.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      boot: './src/apps/shell/boot.ts',
      'tab-early': './src/apps/shell/tab-early.ts',
      tab: './src/apps/tab/index.tsx',
      taskpane: './src/apps/addin/index.tsx',
      meeting: './src/apps/meeting/index.tsx',
      // MSAL's popup and silent-iframe landing page (src/auth/redirect.ts), nothing else on it.
      'auth-redirect': './src/auth/redirect.ts',
    },
    output: {
      // AU_REVOIR_DIST_DIR: build elsewhere than dist/ (the tenant e2e build must not clobber dist/).
      path: path.resolve(__dirname, process.env.AU_REVOIR_DIST_DIR || 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
      publicPath: '/',
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`'s job; the build only transpiles.
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    plugins: [
      // Build-time configuration, validated at start by src/config. Defaults run the app on the
      // local Graph sandbox; see README "Run against a real tenant" for the tenant values.
      new webpack.DefinePlugin(
        Object.fromEntries(
          [
            ['AU_REVOIR_MODE', 'sandbox'],
            ['AU_REVOIR_SANDBOX_URL', 'http://127.0.0.1:4000'],
            ['AU_REVOIR_GRAPH_URL', 'https://graph.microsoft.com/v1.0'],
            ['AU_REVOIR_CLIENT_ID', ''],
            ['AU_REVOIR_AUTHORITY', 'https://login.microsoftonline.com/organizations'],
          ].map(([key, fallback]) => [`process.env.${key}`, JSON.stringify(process.env[key] ?? fallback)]),
        ),
      ),
      new webpack.DefinePlugin({ AU_REVOIR_SIGN_IN_STRINGS: JSON.stringify(signInStrings({ common: COMMON_STRINGS, tab: TAB_STRINGS })) }),
      shellCss,
      new HtmlWebpackPlugin({ ...page, filename: 'tab.html', chunks: pages['tab.html'], chunksSortMode: 'manual', csp: csp(false), ...(cspOptions.mode === 'sandbox' ? { startedByEarlyScript: '(^|/)tab\\.' } : {}) }),
      new HtmlWebpackPlugin({
        ...page,
        filename: 'taskpane.html',
        chunks: pages['taskpane.html'],
        chunksSortMode: 'manual',
        // Outlook loads Office.js from Microsoft's CDN, as every add-in does; in a plain browser
        // the page runs without it (see src/hosts/office).
        officeJs: true,
        csp: csp(true),
      }),
      // MSAL's landing page for the popup and silent iframe: its own small script, no shell or theme.
      new HtmlWebpackPlugin({
        ...page,
        filename: 'auth-redirect.html',
        chunks: ['auth-redirect'],
        csp: csp(false),
      }),
      // The guide in the Teams meeting of the exit conversation (configurable tab, meeting contexts).
      new HtmlWebpackPlugin({
        ...page,
        filename: 'meeting.html',
        chunks: meetingChunks,
        chunksSortMode: 'manual',
        csp: csp(false),
      }),
      new FirstScreenManifestPlugin(pages),
      new CopyWebpackPlugin({
        patterns: [{ from: 'manifest/icons', to: 'icons', noErrorOnMissing: true }],
      }),
      // The static host's headers (frame-ancestors works only as a header): Azure Static Web Apps
      // reads staticwebapp.config.json from the deployed folder.
      {
        apply: (compiler) =>
          compiler.hooks.thisCompilation.tap('StaticWebAppConfig', (compilation) =>
            compilation.hooks.processAssets.tap({ name: 'StaticWebAppConfig', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () =>
              compilation.emitAsset('staticwebapp.config.json', new webpack.sources.RawSource(`${JSON.stringify(staticWebAppConfig(cspOptions), null, 2)}\n`)),
            ),
          ),
      },
    ],
    performance: { hints: false },
    devServer: {
      port: devPort,
      host: '127.0.0.1',
      static: false,
      historyApiFallback: { index: '/tab.html' },
      client: { overlay: { warnings: false } },
    },
  };
};
