import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { caseScaffold, isCaseSlug } from '../../authoring/index.ts';
import { displayPath } from './content-files.ts';

const usage = '用法：npm run new:case -- <文件名>，文件名用小写英文单词和连字符，例如 npm run new:case -- coat-return-last-minute';

/** Writes the scaffold for `slug` under `<root>/cases`; returns the message to print and whether it succeeded. */
export function newCase(slug: string | undefined, root: string): { ok: boolean; message: string } {
  if (!slug) return { ok: false, message: `没有给出案例文件名。\n${usage}` };
  const name = slug.replace(/\.mdx$/, '');
  if (!isCaseSlug(name)) {
    return { ok: false, message: `“${slug}”不能用作案例文件名：只能用小写英文字母、数字和单个连字符（kebab-case），例如 coat-return-last-minute。\n${usage}` };
  }
  const dir = join(root, 'cases');
  const path = join(dir, `${name}.mdx`);
  if (existsSync(path)) {
    return { ok: false, message: `${displayPath(path)} 已经存在，没有覆盖。换一个文件名，或直接编辑这个文件。` };
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, caseScaffold(), { flag: 'wx' });
  return {
    ok: true,
    message: `已创建 ${displayPath(path)}。填写头信息里的 facts 与 expected 和五个小节，然后运行 npm run check:content 核对，npm run dev 预览。`,
  };
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { dir: { type: 'string', default: 'content' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    console.error(`一次只能创建一个案例，收到了 ${parsed.positionals.length} 个文件名。\n${usage}`);
    return 2;
  }
  const result = newCase(parsed.positionals[0], resolve(parsed.values.dir));
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
}

if (import.meta.main) process.exitCode = main();
