/* Builds the task pane (and, later, the standalone page) into dist/. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (_env, argv) => ({
  mode: argv.mode ?? 'production',
  entry: { taskpane: './src/taskpane/index.tsx' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, compilerOptions: { module: 'esnext', isolatedModules: false } } }] },
  plugins: [new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] })],
  performance: { hints: false },
  devtool: argv.mode === 'development' ? 'source-map' : false,
});
