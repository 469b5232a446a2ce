// One build, two pages: the Teams tab (tab.html) and the Outlook task pane (taskpane.html).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const webpack = require('webpack');

module.exports = (_env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const devPort = Number(process.env.PORT || 3000);
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      tab: './src/apps/tab/index.tsx',
      taskpane: './src/apps/addin/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
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
      new HtmlWebpackPlugin({
        filename: 'tab.html',
        chunks: ['tab'],
        template: './src/apps/page.html',
        title: 'Au revoir',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        template: './src/apps/page.html',
        title: 'Au revoir',
        // Outlook loads Office.js from Microsoft's CDN, as every add-in does; in a plain browser
        // the page runs without it (see src/hosts/office).
        officeJs: true,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: 'manifest/icons', to: 'icons', noErrorOnMissing: true }],
      }),
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
