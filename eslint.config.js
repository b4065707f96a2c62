// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist',
      '.e2e',
      'node_modules',
      'test-results',
      'playwright-report',
      'tests/fixtures/seeds',
      'bench/out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Dropping a key by destructuring the rest is how an object loses a field without mutation.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true },
      ],
    },
  },
  {
    files: [
      'src/{app,features,components,hooks,lib,shared}/**/*.{ts,tsx}',
      'tests/{app,features,components,hooks,lib}/**/*.tsx',
    ],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    // An ambient module declaration cannot import a relative module: `import()` types are the way.
    files: ['src/virtual-news.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      // Shared code runs in the browser and in Node: no React, no DOM, no node: modules.
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-*', 'node:*', '../node/*', '../features/*'] },
      ],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      // Data flows shared -> features -> app: a feature never reaches into another one, or into
      // the app that composes them (bulletproof-react's rule).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(feed|search|topics|related)/', message: 'Compose features in src/app/.' },
            { regex: '/app/', message: 'Features never import the app that composes them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', '@tanstack/*', '../features/*'] }],
    },
  },
  {
    files: ['tests/{app,features,components,hooks,lib}/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // Vitest's asymmetric matchers (expect.stringMatching, expect.objectContaining) are typed any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
