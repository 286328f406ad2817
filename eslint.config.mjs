import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/generated', 'tmp', '.nx'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // Apps are entry points: nothing imports them.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            // The pipeline core and detectors never touch the database or Nest.
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:worker'] },
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:cli'] },
          ],
        },
      ],
    },
  },
  {
    files: [
      'libs/pipeline/**/*.ts',
      'libs/scanner/**/*.ts',
      'libs/webhooks/**/*.ts',
      'libs/policy/**/*.ts',
      'libs/text-detectors/**/*.ts',
      'libs/ai-signals/**/*.ts',
      'libs/ocr/**/*.ts',
      'libs/contracts/**/*.ts',
      'libs/pdq/**/*.ts',
    ],
    rules: {
      // The pipeline core has no framework in it (STYLE.md).
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', '@prisma/*'] }],
    },
  },
  {
    // Integration tests and benchmarks drive the apps and reach into internals on purpose (a repository,
    // a detector's helper); every other rule applies to them as to the code.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
