import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync('./tsconfig.base.json', 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

/**
 * Integration suite: every `*.int-spec.ts` in apps/ and libs/, against the real
 * PostgreSQL (as the application role) and Redis. Each file makes its own database
 * from a migrated template and its own queue prefix, so files run in parallel.
 */
const config: Config = {
  displayName: 'integration',
  rootDir: '.',
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.integration.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(base.compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/tools/jest/integration-global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
