/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/__tests__/**/*.test.ts?(x)', '**/tests/**/*.test.ts?(x)'],
  transform: { '^.+\\.tsx?$': ['ts-jest', {}] },
  // Every temporary folder of a run under one folder, removed at the end (tests/setup/temp-root.js).
  globalSetup: '<rootDir>/tests/setup/temp-root.js',
  globalTeardown: '<rootDir>/tests/setup/temp-root-teardown.js',
};
