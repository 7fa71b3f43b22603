import type { ExplanationStep } from '../../quiz/index.ts';
import { explanationTraceView } from '../../present/practice/index.ts';
import { RuleTrace } from '../trace/RuleTrace.tsx';

interface Props {
  readonly steps: readonly ExplanationStep[];
  readonly decidingRuleId: string | null;
  readonly headingId: string;
}

/**
 * Practice feedback's 判定依据: the rule trace behind the key, built by the shared trace view model and rendered by
 * the one trace component (components/trace/RuleTrace.tsx), as on case pages and in the sandbox. Practice steps carry
 * no facts, so the trace shows none.
 */
export function ExplanationChain({ steps, decidingRuleId, headingId }: Props) {
  if (steps.length === 0) return null;
  return (
    <section class="practice-trace" aria-labelledby={headingId}>
      <h3 id={headingId}>判定依据</h3>
      <RuleTrace steps={explanationTraceView(steps, decidingRuleId)} />
    </section>
  );
}
