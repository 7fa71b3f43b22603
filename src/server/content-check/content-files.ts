import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ShopPolicySchema, type ShopPolicy } from '../../rules/index.ts';
import { issueTexts, type AuthorError } from '../../authoring/index.ts';
import { FIX_JSON, parseYaml } from './case-file.ts';

/** A path as authors see it in messages: relative to the working directory, with forward slashes. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path).split(sep).join('/');
}

/** Every case file under `casesDir` (recursively), sorted, as absolute paths; empty when the folder does not exist. */
export function listCaseFiles(casesDir: string): string[] {
  if (!existsSync(casesDir)) return [];
  return readdirSync(casesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => join(casesDir, name))
    .sort();
}

/** Case slugs as the glob loader names entries and `related` refers to them: the path below `casesDir` without `.mdx`. */
export function caseSlugs(casesDir: string): Set<string> {
  return new Set(listCaseFiles(casesDir).map((file) => relative(casesDir, file).split(sep).join('/').replace(/\.mdx$/, '')));
}

/** Reads and validates content/policy/shop.json; every problem comes back as an INVALID_SHOP_POLICY author error. */
export function loadShopPolicy(path: string): { policy: ShopPolicy } | { errors: AuthorError[] } {
  const file = displayPath(path);
  if (!existsSync(path)) {
    return { errors: [{ code: 'INVALID_SHOP_POLICY', file, field: '(文件)', wrote: '（文件不存在）', problem: '找不到本店规范配置。', trace: [], fix: '从 git 恢复 content/policy/shop.json，或按 content/policy/README.md 重新创建。' }] };
  }
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Node reports "… (line 3 column 37)"; YAML would accept what JSON.parse rejects, such as a trailing comma.
    const line = Number(/\(line (\d+)/.exec((error as Error).message)?.[1] ?? 1);
    const wrote = text.split('\n')[line - 1]?.trim() || '（空行）';
    return { errors: [{ code: 'INVALID_SHOP_POLICY', file, line, field: '(JSON)', wrote, problem: '不是合法的 JSON。', trace: [], fix: FIX_JSON }] };
  }
  // JSON is YAML: the YAML reader locates each field's line.
  const parsed = parseYaml(file, text, 1, 'INVALID_SHOP_POLICY');
  const result = ShopPolicySchema.safeParse(value);
  if (result.success) return { policy: result.data };
  const errors = result.error.issues.flatMap((issue) =>
    issueTexts(ShopPolicySchema, parsed.value, issue).map((text): AuthorError => {
      const field = text.path.join('.') || '(文件)';
      const line = parsed.locate(field);
      return { code: 'INVALID_SHOP_POLICY', file, ...(line === undefined ? {} : { line }), field, wrote: text.wrote, problem: text.problem, trace: [], fix: `${text.fix}字段说明见 content/policy/README.md。` };
    }),
  );
  return { errors };
}

/**
 * A hash of everything besides a case file that its gate verdict depends on: the rule engine and gate sources,
 * shop.json and the list of case slugs. Astro caches validated entries by the file's own digest, so without this a
 * rule change could leave a disagreeing case "validated" from an earlier build.
 */
export function gateFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['src/rules', 'src/authoring']) {
    for (const name of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort()) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(join(root, dir, name)));
    }
  }
  const shop = join(root, 'content/policy/shop.json');
  if (existsSync(shop)) hash.update(readFileSync(shop));
  hash.update([...caseSlugs(join(root, 'content/cases'))].join('\n'));
  return hash.digest('hex');
}
