// @ts-check
// `npm run lint`: recommended JS/TS/Astro rules plus the layering of src/ (docs/architecture.md, "Layers").
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layerElements, layerPolicies } from './eslint.layers.js';

export default tseslint.config(
  {
    ignores: ['dist/**', '.astro/**', 'node_modules/**', 'coverage/**', 'bench/results/**', 'public/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a parameter or binding kept for its position or its type only.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx,astro,mjs}'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.astro', '.d.ts'] }),
      ],
      'import/resolver': { typescript: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.astro', '.d.ts'] } },
      'boundaries/elements': layerElements(),
      'boundaries/include': ['src/**/*'],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: layerPolicies() }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
