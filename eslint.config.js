import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers (STYLE.md): input → core → render → plan → write, with cli at the edge. A wrong import fails `npm run lint`.
const DOCUMENT_LIBRARIES = {
  group: ['exceljs', 'pptxgenjs', 'jszip', 'fflate', 'nodemailer', 'nodemailer/*', 'ics'],
  message: 'Only src/write (and src/input, to read workbooks back) uses the document libraries.',
};
const DISK = { group: ['fs', 'node:fs', 'node:fs/*', 'path', 'node:path', 'node:child_process', 'node:os'], message: 'This layer is pure: no disk.' };
const layer = (names, message) => ({ group: names.flatMap((name) => [`../${name}/*`, `**/${name}/*`]), message });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'out/', 'coverage/', '**/*.cjs', 'tests/fixtures/lint/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The core is pure: no file system, no clock, no console, no other layer.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path'], message: 'The core is pure: no file system.' },
          layer(['input', 'render', 'plan', 'write', 'cli'], 'The core imports no other layer.'),
          DOCUMENT_LIBRARIES,
        ],
      }],
      'no-restricted-globals': ['error', 'console', 'process'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'as-of is a parameter in the core' }],
    },
  },
  {
    files: ['src/input/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer(['render', 'plan', 'write', 'cli'], 'Input comes first: it imports only the core.')] }] },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer(['write', 'cli'], 'Render builds plain models: no writer, no CLI.'), DOCUMENT_LIBRARIES, DISK] }] },
  },
  {
    files: ['src/plan/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer(['write', 'cli'], 'A planner returns a plan; the applier in src/write writes it.'), DOCUMENT_LIBRARIES, DISK] }] },
  },
  {
    files: ['src/write/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer(['cli'], 'The writers know nothing of the CLI.')] }] },
  },
  {
    files: ['src/cli/**/*.ts', 'src/errors.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DOCUMENT_LIBRARIES] }] },
  },
  {
    files: ['bin/*.js', 'scripts/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
