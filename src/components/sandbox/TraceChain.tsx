import { ruleById, type Ruling } from '../../rules/index.ts';
import type { FieldModel } from '../../present/index.ts';
import { factValueText } from '../../present/index.ts';

interface Props {
  readonly ruling: Ruling;
  readonly fields: ReadonlyMap<string, FieldModel>;
}

/**
 * The platform and law rules consulted, in the order the engine checked them, each with what it found and the facts
 * it read. Shop SOP steps are left to the SOP list, which says what they mean for the agent.
 */
export function TraceChain({ ruling, fields }: Props) {
  const steps = ruling.trace.filter((step) => ruleById(step.ruleId)?.kind !== 'sop');
  const sopCount = ruling.trace.length - steps.length;
  return (
    <section class="trace-chain" aria-labelledby="trace-title">
      <h2 id="trace-title">推理链</h2>
      <p class="section-hint">
        按检查顺序列出 {steps.length} 条平台与法律规则：✓ 条件成立，· 条件不成立。
        {sopCount > 0 && ` 另有 ${sopCount} 条本店规范检查，见“本店规范提示”。`}
      </p>
      <ol class="trace">
        {steps.map((step, index) => {
          const rule = ruleById(step.ruleId);
          const isDeciding = step.ruleId === ruling.decidingRuleId;
          return (
            <li key={`${index}-${step.ruleId}`} class={`${step.applied ? 'applied' : 'not-applied'}${isDeciding ? ' deciding' : ''}`}>
              <p class="step-head">
                <span class="mark" aria-hidden="true">
                  {step.applied ? '✓' : '·'}
                </span>
                <span class="sr-only">{step.applied ? '成立：' : '不成立：'}</span>
                <a href={`/rules/${step.ruleId}`}>{rule?.title ?? step.ruleId}</a> <code class="rule-id">{step.ruleId}</code>
                {isDeciding && <span class="tag deciding-tag">决定结果</span>}
              </p>
              <p class="step-note">{step.note}</p>
              {step.facts.length > 0 && (
                <ul class="facts-read" aria-label="读取的事实">
                  {step.facts.map((read) => {
                    const field = fields.get(read.path);
                    return (
                      <li key={read.path}>
                        {field?.label ?? read.path} <code>{read.path}</code>：
                        <span class={read.value === undefined ? 'absent' : undefined}>{factValueText(read.path, read.value)}</span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
