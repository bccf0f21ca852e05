// Lint rules, including the one-way dependency rule between src folders (../shared/style.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'coverage', 'dev-dist', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.server.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/client/ui/**/*.tsx', 'src/client/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/domain/**'],
    rules: restrict([
      {
        group: ['**/shared/**', '**/client/**', '**/server/**'],
        message: 'domain is pure: it imports nothing of the project',
      },
      {
        group: ['node:*', 'fs', 'path', 'dexie', 'drizzle-orm*', 'fastify', 'react'],
        message: 'domain has no I/O',
      },
    ]),
  },
  {
    files: ['src/shared/**'],
    rules: restrict([
      {
        group: ['**/client/**', '**/server/**', 'dexie', 'react', 'fastify', 'node:*'],
        message: 'shared imports only domain and zod',
      },
    ]),
  },
  {
    files: ['src/client/**'],
    rules: restrict([
      {
        group: ['**/server/**', 'node:*', 'fastify', 'drizzle-orm*', '@electric-sql/*', 'pg'],
        message: 'client never imports server code',
      },
    ]),
  },
  {
    files: ['src/server/**'],
    rules: restrict([
      { group: ['**/client/**', 'dexie', 'react', 'react-dom'], message: 'server never imports client code' },
    ]),
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='only']", message: 'no focused tests' },
      ],
    },
  },
);
