// @ts-check
// The layers of src/ as data: eslint.config.js enforces them, tests/lint.test.ts proves they bite, and
// docs/architecture.md describes them. An arrow only runs down: a layer imports the layers it lists, nothing above.

/**
 * @typedef {object} Layer
 * @property {string} type name used in lint messages
 * @property {string[]} patterns folders (or single files) that make up the layer, relative to the project root
 * @property {string[]} imports layers this one may import
 * @property {string[] | null} entry files (inside the layer) other layers must import through; null: any file
 */

/** @type {Layer[]} */
export const LAYERS = [
  { type: 'rules', patterns: ['src/rules'], imports: [], entry: ['index.ts'] },
  {
    type: 'quiz',
    patterns: ['src/quiz'],
    imports: ['rules'],
    // topics.ts is a leaf the practice island imports by value: through index.ts the bundler evaluates the whole quiz
    // barrel (zod schemas, the rule module) and the practice pages would ship ~117 KB of JS instead of ~23 KB.
    // export/csv.ts is the CSV writer the trainee page's script shares with the server (one formula guard).
    entry: ['index.ts', 'topics.ts', 'export/csv.ts'],
  },
  { type: 'authoring', patterns: ['src/authoring'], imports: ['quiz', 'rules'], entry: ['index.ts'] },
  {
    type: 'present',
    patterns: ['src/present'],
    imports: ['quiz', 'rules'],
    // Islands enter through their own index.ts (practice/, sandbox/): a browser bundle must not pull every model in.
    // account-hint.ts is a leaf astro.config.mjs reaches (the header script's cookie name): through index.ts, Node
    // type-strips and runs ~180 modules (present, quiz, rules) on every config load, ~0.2 s of CPU per build.
    entry: ['index.ts', '*/index.ts', 'account-hint.ts'],
  },
  {
    type: 'server',
    patterns: ['src/server'],
    imports: ['present', 'authoring', 'quiz', 'rules'],
    // The server is a set of services (accounts, auth, exams, store, …); each subfolder's index.ts is its surface.
    entry: ['index.ts', '*/index.ts'],
  },
  // Components are .astro and .tsx files imported one by one: there is no barrel to go through.
  // A layout is a component that wraps a page.
  { type: 'components', patterns: ['src/components', 'src/layouts'], imports: ['present', 'quiz', 'rules'], entry: null },
  {
    type: 'pages',
    // src/middleware.ts and src/content.config.ts are wiring at the top (they may import anything) and stay unclassified:
    // element patterns name folders.
    patterns: ['src/pages', 'src/markdown'],
    imports: ['rules', 'quiz', 'authoring', 'present', 'server', 'components', 'pages'],
    entry: null,
  },
];

/** `boundaries/elements`: one element per folder or file of a layer. */
export function layerElements() {
  return LAYERS.flatMap((layer) => layer.patterns.map((pattern) => ({ type: layer.type, pattern })));
}

/** `boundaries/dependencies` policies: everything not listed here is refused (`default: 'disallow'`). */
export function layerPolicies() {
  const byType = new Map(LAYERS.map((layer) => [layer.type, layer]));
  return LAYERS.map((layer) => ({
    from: { element: { type: layer.type } },
    // Files of one layer import each other freely (a layer spread over several folders, e.g. components + layouts).
    allow: [layer.type, ...layer.imports].map((target) => {
      if (target === layer.type) return { to: { element: { type: target } } };
      const entry = byType.get(target)?.entry;
      return { to: { element: entry ? { type: target, fileInternalPath: entry } : { type: target } } };
    }),
    message: `${layer.type} may import ${layer.imports.length ? layer.imports.join(', ') : 'no other layer'}, each through its index.ts where it has one (docs/architecture.md)`,
  }));
}
