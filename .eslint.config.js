// Lint configuration, including the layer map of the house style: who may import whom.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'worker_threads',
].flatMap((name) => [name, `node:${name}`]);

const sharedMessage =
  'shared/ is the pure domain layer: no UI, storage, Electron or Node I/O. Pass data in and return data out.';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='React'][property.name='FC']",
          message: 'Type props directly instead of React.FC.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...[
              'react',
              'react-dom',
              'dexie',
              'dexie-react-hooks',
              'zustand',
              'electron',
              'd3',
            ].map((name) => ({ name, message: sharedMessage })),
            ...NODE_BUILTINS.map((name) => ({ name, message: sharedMessage })),
          ],
          patterns: [
            { group: ['**/renderer/**', '**/electron/**'], message: sharedMessage },
            { group: ['react-dom/*', 'd3-*', 'zustand/*', 'dexie*'], message: sharedMessage },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: sharedMessage },
        { name: 'document', message: sharedMessage },
        { name: 'indexedDB', message: sharedMessage },
        { name: 'localStorage', message: sharedMessage },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ takes `now` as an argument.' },
        { object: 'Math', property: 'random', message: 'shared/ takes an `rng` as an argument.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the platform only through renderer/platform.',
            },
            ...NODE_BUILTINS.map((name) => ({
              name,
              message: 'The renderer runs in a sandboxed page: no Node modules.',
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches the platform only through renderer/platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'zustand', 'd3'].map((name) => ({
            name,
            message: 'The main process is a thin shell: UI and storage live in the renderer.',
          })),
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'The main process is a thin shell: UI and storage live in the renderer.',
            },
          ],
        },
      ],
    },
  },
);
