// npm run gen:articles: rewrites src/rules/articles.ts from ../shared/domain/sources (see articles-module.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articlesModule } from './articles-module.ts';

const sourcesDir = fileURLToPath(new URL('../../../../shared/domain/sources', import.meta.url));
const target = fileURLToPath(new URL('../../rules/articles.ts', import.meta.url));
const sources = new Map(readdirSync(sourcesDir).map((file) => [file, readFileSync(`${sourcesDir}/${file}`, 'utf8')]));
writeFileSync(target, articlesModule(sources));
console.log(`wrote ${target}`);
