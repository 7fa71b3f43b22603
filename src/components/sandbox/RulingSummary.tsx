import { changeSentence, type RulingChange } from '../../present/sandbox/index.ts';
import { partyText, resolutionText } from '../../present/sandbox/index.ts';
import type { SandboxOutcome } from '../../present/sandbox/index.ts';

interface Props {
  readonly outcome: SandboxOutcome | null;
  /** Changes since the previous ruling; null right after a case is loaded. */
  readonly changes: readonly RulingChange[] | null;
  /** Said once after a case or the blank scenario is loaded. */
  readonly loadedNote: string | null;
}

/** How many changes the compact bar lists before summing up the rest; the full list is in the panel. */
const LISTED = 3;

function headline(outcome: SandboxOutcome | null): preact.ComponentChildren {
  if (!outcome) return '正在裁决…';
  if (outcome.kind === 'ruling') {
    const { ruling } = outcome;
    return (
      <>
        结果：{resolutionText(ruling.resolution)} · 支持{partyText(ruling.supported)} · 决定规则{' '}
        <span class="rule-id">{ruling.decidingRuleId}</span>
      </>
    );
  }
  if (outcome.kind === 'form-errors') return `无法裁决：有 ${outcome.errors.length} 处填写无法识别`;
  if (outcome.missing) return `无法裁决：缺少事实“${outcome.missing.label ?? outcome.missing.path}”`;
  return outcome.code === 'CONTRADICTORY_FACTS' ? '无法裁决：事实相互矛盾' : '无法裁决：事实不符合事实模型';
}

function changeLine(changes: readonly RulingChange[] | null, loadedNote: string | null): string | null {
  if (loadedNote) return loadedNote;
  if (!changes) return null;
  if (changes.length === 0) return '这次修改没有改变裁决。';
  const listed = changes.slice(0, LISTED).map(changeSentence).join('；');
  return changes.length > LISTED ? `${listed}；另有 ${changes.length - LISTED} 项变化。` : `${listed}。`;
}

/** The one-line ruling, announced politely to screen readers after every edit; sticky so it stays in view. */
export function RulingSummary({ outcome, changes, loadedNote }: Props) {
  const line = changeLine(changes, loadedNote);
  const isProblem = outcome !== null && outcome.kind !== 'ruling';
  return (
    <div class={`ruling-summary${isProblem ? ' is-problem' : ''}${changes && changes.length > 0 ? ' has-changes' : ''}`} role="status" aria-atomic="true">
      <p class="headline">{headline(outcome)}</p>
      {line && <p class="change-line">{line}</p>}
    </div>
  );
}
