import baseConfig from '../../../eslint.config.mjs';

// TEMPORARY: federation still sets the coop itself in four files; they move to Tx.switchCoop
// with TypeORM, and this override goes with them.
export default [
  ...baseConfig,
  {
    files: [
      '**/src/lib/coops/coop-lifecycle.service.ts',
      '**/src/lib/applications/applications.service.ts',
      '**/src/lib/nest/federation-audit.ts',
      '**/src/lib/nest/coop-admin-inviter.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
];
