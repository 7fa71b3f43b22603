import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImpactPolicy } from '../../authoring/index.ts';
import { decide, editions, ruleCatalogue, type EditionId, type RuleMeta, type ShopPolicy } from '../../rules/index.ts';

/** One side of a comparison, resolved: how to decide, and what it says about itself. */
export interface ResolvedPolicy {
  readonly policy: ImpactPolicy;
  /** Set when the side is an edition of the current rule module. */
  readonly edition?: EditionId;
  /** Set when the side is a git revision: the commit and its commit time (ms). */
  readonly revision?: { readonly sha: string; readonly committedAt: number };
  /** The rule catalogue of that side. */
  readonly catalogue: readonly RuleMeta[];
}

/** The argument names neither an edition nor a git revision; the message lists both ways to name one. */
export class UnknownPolicyError extends Error {
  constructor(value: string) {
    super(
      `“${value}”既不是规则版本，也不是本仓库的 git 版本。可用的规则版本：${editions.map((edition) => `${edition.id}（${edition.title}）`).join('、')}；` +
        `git 版本写提交号、分支或标签，例如 HEAD、HEAD~3、a1b2c3d（用 git log --oneline 查看）。`,
    );
    this.name = 'UnknownPolicyError';
  }
}

const isEdition = (value: string): value is EditionId => editions.some((edition) => edition.id === value);

/** An edition of the current rule module: every scenario is decided under `edition`, whatever the content declares. */
export function editionPolicy(edition: EditionId, shopPolicy: ShopPolicy): ResolvedPolicy {
  const title = editions.find((candidate) => candidate.id === edition)!.title;
  return {
    policy: { id: edition, title, decide: (facts) => decide(facts, { edition, shopPolicy }) },
    edition,
    catalogue: ruleCatalogue,
  };
}

/** What the report needs from another revision's `src/rules/index.ts`. */
interface RuleModule {
  readonly decide: (facts: unknown, options: { edition?: string; shopPolicy?: unknown }) => ReturnType<typeof decide>;
  readonly ruleCatalogue: readonly RuleMeta[];
  readonly editions?: readonly { readonly id: string }[];
  readonly ShopPolicySchema?: { safeParse(value: unknown): { success: boolean; data?: unknown } };
}

const git = (root: string, args: readonly string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/**
 * Extracts `src/rules` and `content/policy` of commit `sha` into a cache folder under the system temp dir, once per
 * commit. Node strips TypeScript types only outside node_modules, so the folder lives in the temp dir and gets a
 * `node_modules` link to the project's, through which the module's bare imports (zod) resolve.
 */
function extractRevision(root: string, sha: string): string {
  // Keyed by checkout too: the node_modules link belongs to one checkout.
  const dir = join(tmpdir(), 'asa-impact', `${sha}-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
  if (existsSync(join(dir, 'src/rules/index.ts'))) return dir;
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const path of ['src/rules', 'content/policy']) {
    try {
      const archive = execFileSync('git', ['archive', '--format=tar', sha, path], { cwd: root, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
      execFileSync('tar', ['-x', '-C', staging], { input: archive });
    } catch (error) {
      // A revision before content/policy existed still has rules; one without src/rules cannot be compared.
      if (path === 'src/rules') throw new Error(`git 版本 ${sha.slice(0, 7)} 中没有 src/rules，无法比较：请换一个较新的版本。`, { cause: error });
    }
  }
  symlinkSync(join(root, 'node_modules'), join(staging, 'node_modules'), 'dir');
  // Another run may have finished the same commit meanwhile; its copy is as good as ours.
  if (existsSync(join(dir, 'src/rules/index.ts'))) rmSync(staging, { recursive: true, force: true });
  else {
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  }
  return dir;
}

/**
 * The rule module as of git revision `value` (decided under each content's declared edition, as the site would have
 * decided it then), with that revision's shop policy when it has a valid one.
 * @throws UnknownPolicyError when `value` is not a commit of the repository at `root`.
 */
export async function revisionPolicy(value: string, root: string, currentShop: ShopPolicy): Promise<ResolvedPolicy> {
  let sha: string;
  try {
    sha = git(root, ['rev-parse', '--verify', '--quiet', `${value}^{commit}`]);
  } catch {
    throw new UnknownPolicyError(value);
  }
  const committedAt = Number(git(root, ['show', '-s', '--format=%ct', sha])) * 1000;
  const dir = extractRevision(root, sha);
  const module = (await import(pathToFileURL(join(dir, 'src/rules/index.ts')).href)) as RuleModule;
  const shopPath = join(dir, 'content/policy/shop.json');
  const parsedShop = existsSync(shopPath) ? module.ShopPolicySchema?.safeParse(JSON.parse(readFileSync(shopPath, 'utf8'))) : undefined;
  const shopPolicy = parsedShop?.success ? parsedShop.data : currentShop;
  const known = new Set((module.editions ?? []).map((edition) => edition.id));
  const date = new Date(committedAt).toISOString().slice(0, 10);
  return {
    policy: {
      id: value,
      title: `git 版本 ${value}（${sha.slice(0, 7)}，${date}）`,
      decide: (facts, declaredEdition) => module.decide(facts, { ...(known.has(declaredEdition) ? { edition: declaredEdition } : {}), shopPolicy }),
    },
    revision: { sha, committedAt },
    catalogue: module.ruleCatalogue,
  };
}

/**
 * Resolves a `--from`/`--to` value: an edition id of the current rule module, else a git revision of the repository
 * at `root`. Content is always the working tree's.
 * @throws UnknownPolicyError for a value that is neither.
 */
export async function resolvePolicy(value: string, root: string, shopPolicy: ShopPolicy): Promise<ResolvedPolicy> {
  return isEdition(value) ? editionPolicy(value, shopPolicy) : revisionPolicy(value, root, shopPolicy);
}
