/**
 * End-to-end tests of the standalone page in a real browser (tests/e2e/*.e2e.ts): `npm run test:e2e`
 * after `npm run build`. Not part of `npm test`. Needs Debian's chromium (/usr/bin/chromium or
 * CHROMIUM_PATH); playwright-core drives it, no browser is downloaded.
 */
/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', {}] },
  testTimeout: 180_000,
  // One browser at a time: the runs are heavy and their timings matter more than parallelism.
  maxWorkers: 1,
};
