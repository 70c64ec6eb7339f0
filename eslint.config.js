// Lint, and above all the layering of DESIGN §3 as an import rule:
//   src-main/core  → never `electron`, never a host (src-main/electron, src-main/server)
//   src-renderer   → only web packages and `import type` from src-preload/contract; no Node, no main code
//   src-preload    → `electron` and the contract's types only
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import { coreLayersRule } from './eslint/core-layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const mainOnlyPackages = ['better-sqlite3', 'imapflow', 'mailparser', 'nodemailer', 'grammy', 'smtp-server', 'exceljs', 'pdfmake', 'sirv', 'date-holidays'];

// Also member chains (test.describe.only, test.describe.serial.only, describe.only.each).
const noOnly = {
  selector:
    "MemberExpression[property.name='only']:matches([object.name=/^(describe|it|test)$/], [object.object.name=/^(describe|it|test)$/], [object.object.object.name=/^(describe|it|test)$/])",
  message: '.only must not be committed',
};

export const layerRules = {
  core: {
    files: ['src-main/core/**/*.ts'],
    plugins: { pst: { rules: { 'core-layers': coreLayersRule } } },
    rules: {
      'pst/core-layers': 'error',
      // Dynamic import() and require() escape no-restricted-imports; close that door too.
      'no-restricted-syntax': [
        'error',
        noOnly,
        { selector: 'ImportExpression[source.value=/^electron/]', message: 'src-main/core never imports electron.' },
        { selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron/]", message: 'src-main/core never requires electron.' },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-main/core runs under plain Node: pass what differs per host in through an interface (DESIGN §3).' }],
          patterns: [
            { group: ['electron/*'], message: 'src-main/core never imports electron.' },
            {
              group: ['**/electron/**', '**/server/**', '**/host/**', '**/src-main/index*'],
              message: 'The core must not depend on a host (src-main/electron, src-main/server, src-main/host).',
            },
            { group: ['**/src-renderer/**'], message: 'The core must not import renderer code.' },
          ],
        },
      ],
    },
  },
  renderer: {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only to window.pst.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'No Node modules in the renderer: it is web code.' })),
            ...mainOnlyPackages.map((name) => ({ name, message: 'Main-process package: reach it through the contract.' })),
          ],
          patterns: [
            { group: ['**/src-main/**', '**/src-main'], message: 'The renderer imports nothing from src-main; use the contract types.' },
            { group: ['**/src-preload/*', '!**/src-preload/contract'], message: 'Only src-preload/contract may be imported, and only its types.' },
            { group: ['**/src-preload/contract'], allowTypeImports: true, message: 'Import the contract with `import type`: it is types only.' },
            { group: ['node:*'], message: 'No Node modules in the renderer.' },
          ],
        },
      ],
    },
  },
  // The shared pure layer: rules both core and renderer apply. It may import its own files and the
  // contract's types, nothing else (no Node, no DOM package, no library), so either side can load it.
  common: {
    files: ['src-common/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noOnly,
        {
          selector:
            'ImportDeclaration[source.value!=/^\\.\\.?\\/(\\.\\.\\/)*[a-z-]+(\\/[a-z-]+)?$|^(\\.\\.\\/)+src-preload\\/contract$/], ImportDeclaration[source.value=/src-(main|renderer)|src-preload\\/(?!contract$)/]',
          message: 'src-common imports only its own files and the contract types: it must load in the core and in the renderer.',
        },
        {
          selector: "ImportDeclaration[source.value=/src-preload\\/contract$/][importKind!='type']",
          message: 'Import the contract with `import type`: it is types only.',
        },
        { selector: 'ImportExpression', message: 'src-common loads nothing at run time.' },
        {
          selector: "ExportAllDeclaration, ExportNamedDeclaration[source.type='Literal'][source.value!=/^\\.\\//]",
          message: 'src-common re-exports only its own files.',
        },
      ],
    },
  },
  preload: {
    files: ['src-preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The sandboxed preload may use electron and the contract types only.' })),
          patterns: [
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'The preload depends on the contract only.' },
            { group: ['./contract', '../src-preload/contract'], allowTypeImports: true, message: 'The contract is types only.' },
          ],
        },
      ],
    },
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', noOnly],
    },
  },
  { files: ['**/*.js', '**/*.mjs', 'scripts/**'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
  // Tests read loosely typed JSON bodies and fixtures.
  { files: ['test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  layerRules.core,
  layerRules.renderer,
  layerRules.common,
  layerRules.preload,
);
