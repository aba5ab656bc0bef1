import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer rules (as VS Code and Signal enforce them): the renderer never
// reaches into electron or main; domain code stays free of UI, SIP and
// Electron; only one adapter (renderer/telephony/sipjs/) talks to sip.js,
// and the pure telephony floor beneath it never imports it.
const noElectron = { name: 'electron', message: 'Only main/index.ts, main/adapters, main/windows and preload/index.ts may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.lab/**', '.server-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/main/**'], message: 'The renderer talks to main only through window.ringdesk (preload/contract.ts).' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/telephony/sipjs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'sip.js', message: 'Only the renderer/telephony/sipjs/ adapter may import sip.js (the Telephony port hides it).' }],
          patterns: [
            { group: ['**/main/**'], message: 'The renderer talks to main only through window.ringdesk (preload/contract.ts).' },
            { group: ['sip.js/*'], message: 'Only the renderer/telephony/sipjs/ adapter may import sip.js.' },
          ],
        },
      ],
    },
  },
  {
    // The pure telephony floor (the Telephony port and plain SIP helpers) never
    // depends on the sip.js adapter above it, on sip.js, or on React.
    files: ['renderer/telephony/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'sip.js', message: 'Only the renderer/telephony/sipjs/ adapter may import sip.js; the pure telephony floor stays plain TypeScript.' },
            { name: 'react', message: 'The pure telephony floor stays plain TypeScript (no React).' },
          ],
          patterns: [
            { group: ['**/main/**'], message: 'The renderer talks to main only through window.ringdesk (preload/contract.ts).' },
            { group: ['sip.js/*', 'react-dom*'], message: 'The pure telephony floor imports neither sip.js nor React.' },
            { group: ['./sipjs', './sipjs/*', '**/telephony/sipjs', '**/telephony/sipjs/*'], message: 'The pure telephony floor never depends on the sip.js adapter (renderer/telephony/sipjs/); the adapter imports the floor, not the other way round.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/domain/**/*.ts', 'renderer/domain/**/*.ts', 'preload/contract.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'Domain code is plain TypeScript.' }, { name: 'sip.js', message: 'Domain code is plain TypeScript.' }],
          patterns: [{ group: ['node:*', 'sip.js/*', 'react-dom*'], message: 'Domain code is plain TypeScript.' }],
        },
      ],
    },
  },
  {
    // The shared layer runs anywhere (app and workspace server): zod and itself, nothing else.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!zod$)(?!\\.)', message: 'common/ imports nothing but zod (and common/ itself).' },
            { regex: '^(?:\\.\\./)+(?:main|renderer|preload|server|tests|bench|node_modules)(?:/|$)|^\\.\\./\\.\\./\\.\\./', message: 'common/ may not reach into another layer.' },
          ],
        },
      ],
    },
  },
  {
    // The workspace service is its own program: it shares common/ with the app and nothing else.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The workspace server never runs in Electron.' }],
          patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom*', 'sip.js*'], message: 'server/ shares only common/ with the app.' }],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/adapters/electron-*.ts', 'main/windows/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['tests/**/*.{ts,tsx,mjs}', 'bench/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' },
  },
);
