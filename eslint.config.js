// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Imports that would tie the pure core to a process or a UI library. */
const coreForbidden = [
  { group: ['node:*'], message: 'core/ is pure: pass data in instead of using Node APIs.' },
  { group: ['electron', 'electron/*'], message: 'core/ must not depend on Electron.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ must not depend on React.' },
  { group: ['dexie', 'dexie-react-hooks'], message: 'core/ must not touch IndexedDB; the renderer stores runs.' },
  { group: ['fs', 'path', 'os', 'crypto', 'worker_threads', 'child_process'], message: 'core/ is pure: no Node built-ins.' },
  { group: ['../electron/*', '../../electron/*', '../renderer/*', '../../renderer/*'], message: 'core/ imports nothing from electron/ or renderer/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'coverage/', 'test-results/', 'bench/data/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: coreForbidden,
          paths: [{ name: 'papaparse', message: "Import 'papaparse/papaparse.min.js' (typed in core/load/papaparse.d.ts): @types/papaparse pulls Node types into core." }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'process', 'Buffer', 'require'].map(
          (name) => ({ name, message: `core/ is pure: \`${name}\` belongs to a host process.` }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches main only through window.api (electron/preload).' }],
          patterns: [
            { group: ['electron/*', 'node:*'], message: 'The renderer reaches main only through window.api (electron/preload).' },
            {
              group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/worker/**', '**/electron/node/**'],
              message: 'The renderer may import only the IPC contract types (electron/ipc); everything else runs in other processes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.{ts,mjs,js}', 'examples/**/*.ts', 'bench/**/*.ts', 'test/**/*.{ts,tsx}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.{ts,mjs,js}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'The app opens nothing outside itself (docs/security.md, item 15).' },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='contextBridge'] Identifier[name='ipcRenderer']", message: 'Never expose raw ipcRenderer; expose a domain function.' },
      ],
    },
  },
);
