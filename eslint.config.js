// Lint: typescript-eslint's recommended set, plus the product's hard rules as errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'artifacts/**', 'node_modules/**', 'coverage/**', 'bin/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node scripts written as plain .mjs (no TypeScript types to declare Node's globals)
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // The product never inserts page text as HTML and never talks to the network.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Page text goes into the DOM as text (textContent).' },
        { property: 'outerHTML', message: 'Page text goes into the DOM as text (textContent).' },
        { property: 'insertAdjacentHTML', message: 'Page text goes into the DOM as text.' },
        { object: 'document', property: 'write', message: 'No document.write.' },
        { object: 'navigator', property: 'sendBeacon', message: 'Comment Lens makes no network request.' },
      ],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Comment Lens makes no network request.' },
        { name: 'XMLHttpRequest', message: 'Comment Lens makes no network request.' },
        { name: 'WebSocket', message: 'Comment Lens makes no network request.' },
        { name: 'EventSource', message: 'Comment Lens makes no network request.' },
      ],
    },
  },
);
