import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

// Baseline for the content gate: read and parse every file the gate reads, with the YAML reader Astro uses, and
// check nothing. Usage: node bench/lib/parse-only.ts <content dir>
const root = process.argv[2]!;
let documents = 0;
for (const folder of ['cases', 'questions']) {
  for (const name of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).sort()) {
    const text = readFileSync(join(root, folder, name), 'utf8');
    if (name.endsWith('.mdx')) load(/^---\n([\s\S]*?\n)---/.exec(text)?.[1] ?? '');
    else if (/\.ya?ml$/.test(name)) load(text);
    else continue;
    documents++;
  }
}
load(readFileSync(join(root, 'policy/shop.json'), 'utf8'));
process.stdout.write(`${JSON.stringify({ documents })}\n`);
