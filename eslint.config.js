// Lint: typescript-eslint's recommended rules, no HTML sinks anywhere, and layer boundaries:
// the pure core imports nothing that needs a DOM or the extension APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const HTML_SINKS = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'No HTML sinks: render strings as text.' },
  { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment)$/]", message: 'No HTML sinks: render strings as text.' },
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML sinks: render strings as text.' },
  { selector: "CallExpression[callee.property.name='parseFromString']", message: 'No HTML parsing of strings in the extension.' },
];

const boundary = (patterns, message) => ({ patterns: patterns.map((group) => ({ group: [group], message })) });

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'eval-output/**', 'bench-output/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', ...HTML_SINKS],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/core/**'],
    rules: {
      'no-restricted-imports': ['error', boundary(['wxt', 'wxt/*', '**/dom/*', '**/platform/*', '**/overlay/*', '**/components/*', '**/entrypoints/*', 'preact', 'preact/*', '@mozilla/readability'], 'lib/core is pure: no DOM, no extension APIs, no UI.')],
    },
  },
  {
    files: ['lib/dom/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', boundary(['wxt', 'wxt/*', '**/platform/*', '**/entrypoints/*'], 'lib/dom and components use no extension APIs.')],
    },
  },
  {
    // Tooling and tests run in Node and may parse saved pages; the extension code may not.
    files: ['scripts/**', 'tests/**', 'demo/**'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
