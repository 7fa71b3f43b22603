import type { ExplanationStep } from '../../quiz/index.ts';

interface Props {
  readonly steps: readonly ExplanationStep[];
  readonly decidingRuleId: string | null;
  readonly headingId: string;
}

/**
 * The rule trace behind the key, in the engine's order and in the markup of the case pages' trace, so both read
 * alike: each rule links to its handbook page; the deciding rule is marked.
 */
export function ExplanationChain({ steps, decidingRuleId, headingId }: Props) {
  if (steps.length === 0) return null;
  return (
    <section class="practice-trace" aria-labelledby={headingId}>
      <h3 id={headingId}>判定依据</h3>
      <ol class="trace">
        {steps.map((step, index) => (
          <li key={`${index}-${step.ruleId}`} class={`trace-step ${step.applied ? 'trace-applied' : 'trace-skipped'}`}>
            <p class="trace-head">
              <span class="trace-status">{step.applied ? '✓ 适用' : '· 未适用'}</span>
              <a href={`/rules/${step.ruleId}`}>
                <code>{step.ruleId}</code> {step.title}
              </a>
              {step.ruleId === decidingRuleId && <span class="tag practice-deciding">决定结果</span>}
            </p>
            <p class="trace-note">{step.note}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
