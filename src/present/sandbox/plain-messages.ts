import { ruleHeadById } from '../../rules/index.ts';
import type { FieldError } from './fact-draft.ts';
import type { FieldModel, SectionModel } from './fact-form-model.ts';
import type { SandboxOutcome } from './sandbox-outcome.ts';

/**
 * The engine's messages are written for content authors (paths like `claim.type`, values like `tmallGlobal`, "只能是
 * a / b 之一"). The sandbox speaks to learners: these turn them into plain Chinese that names the form's own labels.
 */

export interface FormLabels {
  readonly fields: ReadonlyMap<string, FieldModel>;
  readonly sections: ReadonlyMap<string, SectionModel>;
}

function labelOf(labels: FormLabels, path: string): string {
  return labels.fields.get(path)?.label ?? labels.sections.get(path)?.label ?? path;
}

/** One per-fact problem from the fact model's validation, in plain Chinese. */
export function plainIssue(issue: FieldError, labels: FormLabels): FieldError {
  const field = labels.fields.get(issue.path);
  const section = labels.sections.get(issue.path);
  const label = labelOf(labels, issue.path);
  const { message } = issue;
  if (message.startsWith('必填，但没有填写')) {
    return { path: issue.path, message: section && !field ? `需要添加“${label}”这一部分。` : `“${label}”必须填写。` };
  }
  if (/只能是 .* 之一/.test(message)) {
    const options = field?.options.map((option) => `“${option.label}”`).join('、');
    return { path: issue.path, message: options ? `“${label}”只能从这些选项中选择：${options}。` : `“${label}”请从列表里选择。` };
  }
  if (/无法识别/.test(message) && field?.kind === 'time') {
    return { path: issue.path, message: '时间格式不对：请写成“年-月-日 时:分”，例如“2025-09-01 14:30”。' };
  }
  if (/应为数字/.test(message)) return { path: issue.path, message: `“${label}”要填数字，例如 399。` };
  if (/应为true 或 false|应为 true 或 false/.test(message)) return { path: issue.path, message: `“${label}”请选择“是”或“否”。` };
  if (message.startsWith('有事实模型里不存在的字段')) return { path: issue.path, message: '这里有沙盒不认识的事实，已忽略。' };
  return issue;
}

/** Replaces fact paths in an engine sentence with the form's labels (“签收时间” rather than delivery.signedAt). */
function withLabels(message: string, labels: FormLabels): string {
  const paths = [...labels.fields.keys(), ...labels.sections.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  return paths.reduce((text, path) => text.split(path).join(`“${labelOf(labels, path)}”`), message);
}

/** The outcome as the sandbox shows it: the same ruling, or its problems in plain Chinese. */
export function plainOutcome(outcome: SandboxOutcome, labels: FormLabels): SandboxOutcome {
  if (outcome.kind !== 'engine-error') return outcome;
  const issues = outcome.issues.map((issue) => plainIssue(issue, labels));
  if (outcome.code === 'INVALID_FACTS') {
    return { ...outcome, issues, message: `有 ${issues.length} 处事实需要修改（下面逐条列出，也写在对应的项下）。` };
  }
  if (outcome.missing) {
    const { path, ruleId } = outcome.missing;
    const rule = ruleHeadById(ruleId);
    const label = labelOf(labels, path);
    return {
      ...outcome,
      issues,
      missing: { ...outcome.missing, label },
      message: `规则 ${ruleId}「${rule?.title ?? ruleId}」需要知道“${label}”，但情景里没有填写。请填写“${label}”。`,
    };
  }
  return { ...outcome, issues, message: withLabels(outcome.message, labels) };
}
