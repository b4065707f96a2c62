// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The features (src/features/*): each a capability with its components, hooks and data access. */
const features = readdirSync(new URL('src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const browserFolders = ['./src/app', './src/features', './src/components', './src/hooks', './src/lib'];

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
    files: ['src/shared/**/*.ts'],
    rules: {
      // Shared code runs in the browser and in Node: no React, no DOM, no node: modules.
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', '@tanstack/*', 'node:*'] }],
    },
  },
  {
    // Zones as bulletproof-react draws them: data flows shared -> features -> app, never sideways.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // The TypeScript parser for the files imported too: no-cycle reads each one's imports.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createNodeResolver()],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature never imports another: compose them in src/app.',
            })),
            {
              target: './src/features',
              from: './src/app',
              message: 'Features never import the app that composes them.',
            },
            {
              target: ['./src/components', './src/hooks', './src/lib'],
              from: ['./src/features', './src/app'],
              message: 'Shared browser code never imports a feature or the app.',
            },
            {
              target: './src/shared',
              from: [...browserFolders, './src/node'],
              message: 'src/shared holds what the build and the browser share: it imports neither.',
            },
            {
              target: './src/node',
              from: browserFolders,
              message: 'Build-time code never imports the browser’s.',
            },
            {
              target: browserFolders,
              from: './src/node',
              message: 'The browser never imports build-time code.',
            },
            {
              target: './src/worker',
              from: [...browserFolders, './src/node'],
              message: 'The service worker imports only src/shared and Workbox: the page is not there.',
            },
            {
              target: [...browserFolders, './src/node', './src/shared'],
              from: './src/worker',
              message: 'The service worker is built on its own: nothing imports it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.{ts,mjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', '@tanstack/*'] }],
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
