import type { TraceStepView } from '../../present/index.ts';

interface Props {
  readonly steps: readonly TraceStepView[];
}

/**
 * The one rendering of a rule trace: each rule consulted, whether it applied, whether it decided, and the facts it
 * read, each rule linking to its handbook page. Case pages render it from Astro without a client directive, so it
 * ships no JavaScript there; the sandbox and practice islands render it as part of their own markup.
 */
export function RuleTrace({ steps }: Props) {
  return (
    <ol class="trace">
      {steps.map((step, index) => (
        <li
          key={`${index}-${step.ruleId}`}
          class={`trace-step ${step.applied ? 'trace-applied' : 'trace-skipped'}${step.deciding ? ' deciding' : ''}`}
        >
          <p class="trace-head">
            <span class="trace-status">{step.applied ? '✓ 适用' : '· 未适用'}</span>
            <a href={`/rules/${step.ruleId}`}>
              <code>{step.ruleId}</code> {step.title}
            </a>
            {step.kind && <span class={`tag tag-${step.kind}`}>{step.kindLabel}</span>}
            {step.deciding && <span class="tag deciding-tag">决定结果</span>}
          </p>
          <p class="trace-note">{step.note}</p>
          {step.facts.length > 0 && (
            <p class="trace-facts">
              读取的事实：
              {step.facts.map((fact, factIndex) => (
                <span key={fact.path} class={fact.absent ? 'absent' : undefined}>
                  {factIndex > 0 && '；'}
                  {fact.label} = {fact.value}
                </span>
              ))}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
