import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-output', '**/.data', '**/jest.config.cts'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            // Contracts are the shared vocabulary: they import no other project.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            // The optimizer is pure: no framework, no database, no other project.
            { sourceTag: 'type:optimizer', onlyDependOnLibsWithTags: [] },
            // The console and its libraries never reach server code.
            { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser', 'platform:any'] },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:server'] },
            {
              sourceTag: 'type:server',
              onlyDependOnLibsWithTags: [
                'type:server',
                'type:platform',
                'type:contracts',
                'type:optimizer',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:server',
                'type:platform',
                'type:contracts',
                'type:optimizer',
                'type:testing',
                'type:ui',
                'platform:browser',
                'platform:any',
              ],
            },
            // the workspace's own tooling (the domain generator) reads the contracts only
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:platform'] },
            // The domain map (ARCHITECTURE.md, "Domains"): imports only go down, never in a circle.
            // federation (licence, capability guard) may be used by every domain; it uses identity.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
            {
              sourceTag: 'scope:identity',
              onlyDependOnLibsWithTags: ['scope:identity', 'scope:platform', 'scope:shared'],
            },
            {
              sourceTag: 'scope:federation',
              onlyDependOnLibsWithTags: ['scope:federation', 'scope:identity', 'scope:platform', 'scope:shared'],
            },
            {
              sourceTag: 'scope:geo',
              onlyDependOnLibsWithTags: [
                'scope:geo',
                'scope:federation',
                'scope:identity',
                'scope:platform',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'scope:fleet',
              onlyDependOnLibsWithTags: [
                'scope:fleet',
                // a shift names the zone it covers; geo is a leaf (zones, geometry) that imports no domain
                'scope:geo',
                'scope:federation',
                'scope:identity',
                'scope:platform',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'scope:merchants',
              onlyDependOnLibsWithTags: [
                'scope:merchants',
                'scope:geo',
                'scope:federation',
                'scope:identity',
                'scope:platform',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'scope:dispatch',
              onlyDependOnLibsWithTags: [
                'scope:dispatch',
                // a delivery names the merchant it is for (merchants imports no dispatch)
                'scope:merchants',
                'scope:fleet',
                'scope:geo',
                'scope:federation',
                'scope:identity',
                'scope:platform',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'scope:ordering',
              onlyDependOnLibsWithTags: [
                'scope:ordering',
                'scope:dispatch',
                'scope:merchants',
                'scope:geo',
                'scope:fleet',
                'scope:federation',
                'scope:identity',
                'scope:platform',
                'scope:shared',
              ],
            },
            {
              sourceTag: 'scope:governance',
              onlyDependOnLibsWithTags: [
                'scope:governance',
                'scope:dispatch',
                'scope:merchants',
                'scope:geo',
                'scope:fleet',
                'scope:federation',
                'scope:identity',
                'scope:platform',
                'scope:shared',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.cts', '**/*.mts', '**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Only the unit of work sets the coop of a transaction (Tx.switchCoop when a platform
    // transaction moves to a coop): a coop set anywhere else would escape its checks.
    // (libs/platform/database turns it off in its own eslint.config.mjs)
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/set_config/]',
          message: 'Only libs/platform/database sets app.coop_id: use a unit of work (or Tx.switchCoop).',
        },
        {
          selector: 'TemplateElement[value.raw=/set_config/]',
          message: 'Only libs/platform/database sets app.coop_id: use a unit of work (or Tx.switchCoop).',
        },
      ],
    },
  },
];
