import { ruleById, type Ruling } from '../rules/index.ts';
import type { AuthorError } from './author-error.ts';
import type { ExpectedRuling } from './case-schema.ts';
import { singleStep } from './deciding-chain.ts';
import { lineOf, type Locate } from './fact-issues.ts';
import { unknownRuleError } from './unknown-rule.ts';
import { ruleText } from './value-text.ts';

/**
 * Every `expected.sop` id must be among the ruling's shop guidance; every `expected.overriddenSop` id must be there
 * too, overridden by a platform or law rule.
 */
export function compareSop(file: string, expected: ExpectedRuling, ruling: Ruling, locate: Locate): AuthorError[] {
  const errors: AuthorError[] = [];
  const given = ruling.sop.map((guidance) => guidance.ruleId);
  const listed = given.length > 0 ? `本案适用的本店规范：${given.join('、')}` : '本案没有适用的本店规范';
  for (const key of ['sop', 'overriddenSop'] as const) {
    (expected[key] ?? []).forEach((id, index) => {
      const field = `expected.${key}.${index}`;
      // Built only for a message: locating a line parses the file's YAML again, and most listed ids are right.
      const at = () => ({ file, ...lineOf(locate, field), field, wrote: ruleText(id) });
      if (!ruleById(id)) {
        errors.push(unknownRuleError(file, locate, ruling, { field, id, kind: 'sop', decided: listed }));
        return;
      }
      const guidance = ruling.sop.find((candidate) => candidate.ruleId === id);
      if (!guidance) {
        // The SOP's own trace step, when it was consulted, says why it does not apply here.
        const consulted = ruling.trace.some((step) => step.ruleId === id);
        errors.push({
          code: 'EXPECTED_MISMATCH',
          ...at(),
          decided: listed,
          trace: consulted ? singleStep(ruling, id) : [],
          fix: `删除 ${field}，或换成上面列出的某一条。本店规范是否适用取决于 facts：如果你认为 ${id} 应当适用，请核对它需要的事实。`,
        });
      } else if (key === 'overriddenSop' && guidance.overriddenBy === undefined) {
        errors.push({
          code: 'EXPECTED_MISMATCH',
          ...at(),
          decided: `${id} 适用，且与平台规则不冲突，没有被推翻`,
          trace: singleStep(ruling, id),
          fix: `把 ${id} 从 expected.overriddenSop 移到 expected.sop。`,
        });
      }
    });
  }
  return errors;
}
