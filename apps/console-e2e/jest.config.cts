/**
 * Browser journeys: Debian's Chromium driven by playwright-core, one file per journey
 * (`*.e2e-spec.ts`). The global setup starts what the browser talks to (see
 * src/support/global-setup.ts) unless E2E_BASE_URL points at a running console.
 */
module.exports = {
  displayName: 'console-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};
