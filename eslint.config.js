// Lint: TypeScript rules plus the process boundaries, checked by a tool rather than by habit.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'module', 'stream', 'util', 'events'];
const restrict = (patterns, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The store is asynchronous: a missing await on a Promise<boolean> is always truthy — a silent security bug.
    files: ['electron/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // shared/ is compiled by both sides: nothing of ours outside it, nothing of Node, the DOM or Electron.
    files: ['shared/**/*.ts'],
    rules: restrict(['electron', '../electron/*', '../../electron/*', '../renderer/*', '../../renderer/*', 'react', ...NODE_BUILTINS], 'shared/ may import only shared/ and pure libraries (zod).'),
  },
  {
    // Core runs in plain Node (tests, web shell): a runtime import of electron would start a download and break that.
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/web-shell.ts', 'electron/security/**/*.ts'],
    rules: restrict(['electron', '../main', '../preload', '../renderer/*', '../../renderer/*'], 'Core and the web shell never import electron or the renderer.'),
  },
  {
    // Window glue takes Electron's objects as parameters (testable in Node): type imports only.
    files: ['electron/window/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Pass Electron objects in; import only types here.', allowTypeImports: true }] }],
    },
  },
  {
    // The renderer talks only to window.boxOffice.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(['electron', '../electron/*', '../../electron/*', '../../../electron/*', ...NODE_BUILTINS], 'The renderer talks only to window.boxOffice; it never imports electron/ or Node.'),
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.mjs'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
