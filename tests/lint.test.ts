import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids ESLint reports for `code` as if it were the file `path` (relative to the project root). */
async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result!.messages.map((m) => `${m.ruleId}: ${m.line}`);
}

// `npm run lint` runs the same configuration over the whole tree; these pin that the layering rules bite.
describe('npm run lint: layering', () => {
  it('refuses an import that runs up a layer (rules importing the server)', async () => {
    const ids = await ruleIds('src/rules/lint-fixture.ts', "export { dataDir } from '../server/index.ts';\n");
    expect(ids).toEqual(['boundaries/dependencies: 1']);
  });

  it('refuses a component importing a server module, even for a type', async () => {
    const code = "import type { User } from '../../server/store/index.ts';\nexport type Shown = User;\n";
    expect(await ruleIds('src/components/account/lint-fixture.ts', code)).toEqual(['boundaries/dependencies: 1']);
  });

  it('refuses an import that skips a folder index.ts', async () => {
    const code = "export { decide } from '../rules/decide.ts';\n";
    expect(await ruleIds('src/quiz/lint-fixture.ts', code)).toEqual(['boundaries/dependencies: 1']);
  });

  it('accepts the same import through the index.ts of a layer below', async () => {
    const code = "export { decide } from '../rules/index.ts';\n";
    expect(await ruleIds('src/quiz/lint-fixture.ts', code)).toEqual([]);
  });

  it('refuses a dependency cycle', async () => {
    // Linted as grade.ts, this text imports quiz's index.ts, which re-exports grade.ts: a cycle of two.
    const code = "import { grade } from './index.ts';\nexport const again = grade;\n";
    const ids = await ruleIds('src/quiz/grade.ts', code);
    expect(ids).toContain('import-x/no-cycle: 1');
  });
}, 120_000);
