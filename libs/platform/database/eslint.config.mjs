import baseConfig from '../../../eslint.config.mjs';

// The unit of work is the one place that sets the coop of a transaction (app.coop_id).
export default [...baseConfig, { files: ['**/*.ts'], rules: { 'no-restricted-syntax': 'off' } }];
