import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const gasGlobals = [
  'SpreadsheetApp',
  'FormApp',
  'DocumentApp',
  'DriveApp',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'HtmlService',
  'Session',
  'MailApp',
  'Utilities',
  'Logger',
  'Docs',
];
const nodeOnly = [
  'process',
  'Buffer',
  'require',
  'setTimeout',
  'TextEncoder',
  'URL',
  'structuredClone',
  'fetch',
];

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', 'examples/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core runs in Node, the browser and Apps Script alike: no platform globals.
      'no-restricted-globals': ['error', ...gasGlobals, ...nodeOnly],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
