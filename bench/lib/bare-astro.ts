import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTemp, PROJECT_ROOT } from './temp-project.ts';

const files: Record<string, string> = {
  'package.json': '{ "name": "bare-astro-mdx", "private": true, "type": "module" }\n',
  'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({ cacheDir: './.bench-cache/', integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { cases: defineCollection({ loader: glob({ base: './content/cases', pattern: '**/*.mdx' }) }) };
`,
  'src/layouts/Bare.astro': `---
const { title } = Astro.props as { title: string };
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body><main><h1>{title}</h1><slot /></main></body>
</html>
`,
  'src/pages/cases/[slug].astro': `---
import { getCollection, render } from 'astro:content';
import Bare from '../../layouts/Bare.astro';

export async function getStaticPaths() {
  return (await getCollection('cases')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Bare title={String(entry.data.title)}><Content /></Bare>
`,
};

/**
 * The baseline build: a project with only astro and @astrojs/mdx, one `[slug].astro` page rendering each case's MDX in
 * a minimal layout, no schema, no other pages. Returns its folder; cases go in `<dir>/content/cases`.
 */
export function bareAstroProject(): string {
  const dir = makeTemp('bare');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
