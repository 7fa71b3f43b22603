import type { RulingView } from '../../present/sandbox/index.ts';

interface Props {
  /** The ruling with its rule titles looked up (rulingView). */
  readonly view: RulingView;
}

/** What the shop's own SOP tells the agent in this scenario; where it clashes with the ruling, the platform wins. */
export function SopGuidanceList({ view }: Props) {
  const { sop } = view.ruling;
  return (
    <section class="sop-guidance" aria-labelledby="sop-title">
      <h2 id="sop-title">本店规范提示</h2>
      {sop.length === 0 ? (
        <p class="section-hint">本情景没有适用的本店规范。</p>
      ) : (
        <ul>
          {sop.map((item) => (
            <li key={item.ruleId} class={item.overriddenBy ? 'overridden' : undefined}>
              <p class="step-head">
                <a href={`/rules/${item.ruleId}`}>{view.titles[item.ruleId] ?? item.ruleId}</a> <code class="rule-id">{item.ruleId}</code>{' '}
                <span class="tag tag-sop">本店规范（可配置）</span>
              </p>
              <p>{item.guidance}</p>
              {item.overriddenBy && (
                <p class="overridden-note">
                  照字面执行会与裁决冲突：以平台规则 <a href={`/rules/${item.overriddenBy}`}>{item.overriddenBy}</a> 为准。
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
