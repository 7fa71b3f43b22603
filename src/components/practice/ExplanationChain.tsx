import type { ExplanationStep } from '../../quiz/index.ts';
import { explanationTraceView } from '../../present/practice/index.ts';

interface Props {
  readonly steps: readonly ExplanationStep[];
  readonly decidingRuleId: string | null;
  readonly headingId: string;
}

/**
 * Practice feedback's 判定依据: the rule trace behind the key, from the shared trace view model and in the markup of
 * components/trace/RuleTrace.tsx (without facts). Rendering RuleTrace itself here is the next step; it was held back
 * while the practice bundle budget (25 KB) was being checked, see docs/architecture.md.
 */
export function ExplanationChain({ steps, decidingRuleId, headingId }: Props) {
  if (steps.length === 0) return null;
  return (
    <section class="practice-trace" aria-labelledby={headingId}>
      <h3 id={headingId}>判定依据</h3>
      <ol class="trace">
        {explanationTraceView(steps, decidingRuleId).map((step, index) => (
          <li
            key={`${index}-${step.ruleId}`}
            class={`trace-step ${step.applied ? 'trace-applied' : 'trace-skipped'}${step.deciding ? ' deciding' : ''}`}
          >
            <p class="trace-head">
              <span class="trace-status">{step.applied ? '✓ 适用' : '· 未适用'}</span>
              <a href={`/rules/${step.ruleId}`}>
                <code>{step.ruleId}</code> {step.title}
              </a>
              {step.deciding && <span class="tag deciding-tag">决定结果</span>}
            </p>
            <p class="trace-note">{step.note}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
