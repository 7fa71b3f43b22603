import { factReferenceTable } from '../../authoring/index.ts';

// Prints the fact table to paste into content/README.md; tests/content-gate.test.ts fails while the two differ.
console.log(factReferenceTable());
