import type { RulingView } from '../../present/sandbox/index.ts';
import { RuleTrace } from '../trace/RuleTrace.tsx';

interface Props {
  /** The ruling with its trace rows built (rulingView). */
  readonly view: RulingView;
}

/** The sandbox's 推理链 section: the shared trace, with how many shop SOP checks the SOP list covers instead. */
export function TraceChain({ view }: Props) {
  const { trace: steps, sopCount } = view;
  return (
    <section class="trace-chain" aria-labelledby="trace-title">
      <h2 id="trace-title">推理链</h2>
      <p class="section-hint">
        按检查顺序列出 {steps.length} 条平台与法律规则：✓ 条件成立，· 条件不成立。
        {sopCount > 0 && ` 另有 ${sopCount} 条本店规范检查，见“本店规范提示”。`}
      </p>
      <RuleTrace steps={steps} />
    </section>
  );
}
