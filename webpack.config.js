/*
 * Builds the task pane (dist/taskpane.html) and the standalone page (dist/standalone.html: the same
 * pane with the files host, no office.js, nothing from outside) into dist/, together with the icons and help
 * page (assets/ -> dist/assets/) and a deployable dist/manifest.xml.
 *
 *   npm run build                                   production files; manifest URLs stay https://localhost:3000/
 *   ADDIN_BASE_URL=https://intranet.example/pingyi/ npm run build
 *   npm run build -- --env baseUrl=https://intranet.example/pingyi/      (same, any shell)
 *       dist/manifest.xml with every https://localhost:3000/ replaced by the base URL
 *   npm run dev-server                              https://localhost:3000/ with office-addin-dev-certs
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_BASE_URL, normaliseBaseUrl, rewriteManifestUrls } = require('./scripts/manifest-urls');

const DEV_PORT = 3000;

/** HTTPS options for the dev server: the Office dev certificate, trusted by Office on this machine. */
async function devServerHttps() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (err) {
    console.warn(
      `[pingyi] office-addin-dev-certs could not provide a trusted localhost certificate (${String(err && err.message).split('\n')[0]}).\n` +
        '[pingyi] Falling back to a self-signed certificate: browsers and Office will not trust it. ' +
        'Run `npx office-addin-dev-certs install` (Windows/macOS) to fix.',
    );
    return 'https';
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode ?? 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const rawBase = env.baseUrl || process.env.ADDIN_BASE_URL || '';
  const baseUrl = rawBase ? normaliseBaseUrl(rawBase) : DEV_BASE_URL;
  if (!serving && mode === 'production' && !rawBase) {
    console.warn(
      `[pingyi] ADDIN_BASE_URL not set: dist/manifest.xml keeps ${DEV_BASE_URL}. ` +
        'For a deployment: ADDIN_BASE_URL=https://your-host/path/ npm run build (docs/DEPLOYMENT.md).',
    );
  }

  return {
    mode,
    entry: { taskpane: './src/taskpane/index.tsx', standalone: './src/standalone/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, compilerOptions: { module: 'esnext', isolatedModules: false } } }] },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
      // The standalone page: its own template (no office.js script tag, a strict Content-Security-Policy).
      new HtmlWebpackPlugin({ template: './src/standalone/standalone.html', filename: 'standalone.html', chunks: ['standalone'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.gitkeep'] } },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: { transformer: (content) => (baseUrl === DEV_BASE_URL ? content : Buffer.from(rewriteManifestUrls(content.toString('utf8'), baseUrl), 'utf8')), cache: false },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devtool: mode === 'development' ? 'source-map' : false,
    devServer: serving
      ? {
          port: DEV_PORT,
          host: 'localhost',
          server: await devServerHttps(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
