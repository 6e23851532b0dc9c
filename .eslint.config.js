// Lint configuration, including the layer map of the house style: who may import whom.
import { readdirSync } from 'node:fs';
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

const NO_REACT_FC = {
  selector: "MemberExpression[object.name='React'][property.name='FC']",
  message: 'Type props directly instead of React.FC.',
};

/*
 * Layers are folders, but an import rule sees only the specifier, not where it leads. So each
 * folder's rule is written once per depth below it, with `up` the regex of the `../` steps that
 * reach the folder's parent: `(\.\./){2}` for `folder/sub/file.ts`. Files nested deeper than
 * MAX_DEPTH are not checked; raise it if a folder ever nests further.
 */
const MAX_DEPTH = 6;
const upFrom = (depth) => `(\\./)?(\\.\\./){${depth + 1}}`;

/** One block per depth below `layer.folder`, with the import rule `layer.rule(up)`. */
function layerBlocks(layer) {
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`${layer.folder}/${'*/'.repeat(depth)}*.${layer.extensions}`],
    rules: layer.rule(upFrom(depth)),
  }));
}

// shared/: an allow-list. Other files of shared/, zod, the file parsers papaparse, exceljs and
// fast-xml-parser (bytes or text in, rows out: no I/O), the date libraries rrule, date-fns and
// @date-fns/tz, the calendar writer ical-generator, and the types of highs; nothing else.
const SHARED_MESSAGE =
  'shared/ is the pure domain layer: it may import only files inside shared/, zod, the parsers papaparse, exceljs and fast-xml-parser, the date libraries rrule, date-fns and @date-fns/tz, ical-generator, and the types of highs (`import type`). Pass data in and return data out; UI, storage, Electron and Node I/O live outside.';
const CLOCK_MESSAGE =
  'shared/ does not read the clock: take `now` (or a date string to parse) as an argument.';
const sharedGlobals = (names, why) =>
  names.map((name) => ({ name, message: `shared/ is pure: ${why}` }));

const SHARED_LAYER = {
  folder: 'shared',
  extensions: 'ts',
  rule: (up) => ({
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          {
            name: 'highs',
            allowTypeImports: true,
            message:
              'shared/ uses highs only for its types (`import type`): the caller passes the solver in, so the domain never loads it.',
          },
        ],
        patterns: [
          // Any package but zod, the parsers and highs (highs is limited to types above).
          {
            regex:
              '^(?!\\.\\.?/)(?!(zod(/.*)?|papaparse|exceljs|fast-xml-parser|rrule|date-fns(/.*)?|@date-fns/tz|ical-generator|highs)$)',
            message: SHARED_MESSAGE,
          },
          // A relative path that climbs out of shared/.
          { regex: `^${up}(?!shared(/|$))`, message: SHARED_MESSAGE },
        ],
      },
    ],
  }),
};

// renderer/: the platform only through renderer/platform, never Node.
const RENDERER_IMPORTS = {
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
};

/** The renderer's import rule, plus the patterns of one of its layers. */
const rendererImports = (patterns) => ({
  'no-restricted-imports': [
    'error',
    { ...RENDERER_IMPORTS, patterns: [...RENDERER_IMPORTS.patterns, ...patterns] },
  ],
});

const PRESENTATIONAL_MESSAGE =
  'components/ and charts/ are presentational: they take what they show and callbacks as props, and do not reach into storage (db/), UI state (state/), the app shell (app/) or an area (areas/).';
const AREA_MESSAGE =
  'An area stands on its own: it imports no other area and nothing of the app shell (app/). Move what two areas share down to components/, charts/ or shared/.';

const presentational = (folder) => ({
  folder,
  extensions: '{ts,tsx}',
  patterns: (up) => [{ regex: `^${up}(db|state|app|areas)(/|$)`, message: PRESENTATIONAL_MESSAGE }],
});

const area = (name) => ({
  folder: `renderer/areas/${name}`,
  extensions: '{ts,tsx}',
  patterns: (up) => [
    // Another area, as a sibling of this one ...
    { regex: `^${up}(?!\\.\\.(/|$))(?!${name}(/|$))`, message: AREA_MESSAGE },
    // ... or by way of renderer/; and the app shell.
    { regex: `^${up}\\.\\./(areas/(?!${name}(/|$))|app(/|$))`, message: AREA_MESSAGE },
  ],
});

const RENDERER_LAYERS = [
  presentational('renderer/components'),
  presentational('renderer/charts'),
  ...readdirSync(new URL('./renderer/areas', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => area(entry.name)),
].map((layer) => ({ ...layer, rule: (up) => rendererImports(layer.patterns(up)) }));

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
      'no-restricted-syntax': ['error', NO_REACT_FC],
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
      'no-restricted-syntax': [
        'error',
        NO_REACT_FC,
        // new Date("2026-01-01T00:00:00Z") parses a given date; new Date() and Date() read the clock.
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: CLOCK_MESSAGE,
        },
        { selector: "CallExpression[callee.name='Date']", message: CLOCK_MESSAGE },
        // import() and require() would get round the import allow-list.
        { selector: 'ImportExpression', message: SHARED_MESSAGE },
        { selector: "CallExpression[callee.name='require']", message: SHARED_MESSAGE },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: CLOCK_MESSAGE },
        { object: 'Math', property: 'random', message: 'shared/ takes an `rng` as an argument.' },
      ],
      'no-restricted-globals': [
        'error',
        ...sharedGlobals(
          [
            'setTimeout',
            'setInterval',
            'setImmediate',
            'queueMicrotask',
            'requestAnimationFrame',
            'clearTimeout',
            'clearInterval',
            'clearImmediate',
            'cancelAnimationFrame',
          ],
          'no timers; the caller decides when things run.',
        ),
        ...sharedGlobals(
          ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'navigator'],
          'no network; the caller fetches and passes the data in.',
        ),
        ...sharedGlobals(['performance'], 'no clock; take `now` or timings as an argument.'),
        ...sharedGlobals(
          ['crypto'],
          'no randomness or ids inside; take an `rng` or `newId` as an argument.',
        ),
        ...sharedGlobals(
          ['localStorage', 'sessionStorage', 'indexedDB'],
          'no storage; the renderer stores, shared/ computes.',
        ),
        ...sharedGlobals(
          ['window', 'document', 'location', 'self', 'globalThis', 'process', 'Buffer'],
          'no browser or Node environment; pass in what is needed.',
        ),
      ],
    },
  },
  ...layerBlocks(SHARED_LAYER),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: rendererImports([]),
  },
  // The renderer's own layers: components and charts under the areas, areas under the app shell.
  ...RENDERER_LAYERS.flatMap(layerBlocks),
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
