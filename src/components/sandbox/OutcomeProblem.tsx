import type { FieldModel } from '../../present/sandbox/index.ts';
import type { SandboxOutcome } from '../../present/sandbox/index.ts';

type Problem = Exclude<SandboxOutcome, { kind: 'ruling' }>;

interface Props {
  readonly outcome: Problem;
  readonly fields: ReadonlyMap<string, FieldModel>;
  /** Moves focus to the fact's field, adding its section first when it is absent. */
  readonly onGoTo: (path: string) => void;
}

function GoTo({ path, fields, onGoTo }: { readonly path: string } & Pick<Props, 'fields' | 'onGoTo'>) {
  const field = fields.get(path);
  if (!field) return null;
  return (
    <button type="button" class="link-button" onClick={() => onGoTo(path)}>
      转到「{field.label}」
    </button>
  );
}

/** Why there is no ruling: the engine's own Chinese message, and a way to reach each fact it names. */
export function OutcomeProblem({ outcome, fields, onGoTo }: Props) {
  if (outcome.kind === 'form-errors') {
    return (
      <section class="outcome-problem" aria-labelledby="problem-title">
        <h2 id="problem-title">无法裁决：有填写无法识别</h2>
        <p>先修正下面这些填写，沙盒才会重新裁决。</p>
        <ul>
          {outcome.errors.map((error) => (
            <li key={error.path}>
              {fields.get(error.path)?.label ?? error.path}：{error.message} <GoTo path={error.path} fields={fields} onGoTo={onGoTo} />
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const missingField = outcome.missing ? fields.get(outcome.missing.path) : undefined;
  const title =
    outcome.code === 'MISSING_FACT'
      ? '无法裁决：缺少事实'
      : outcome.code === 'CONTRADICTORY_FACTS'
        ? '无法裁决：事实相互矛盾'
        : outcome.code === 'INTERNAL'
          ? '无法裁决：规则引擎出错'
          : '无法裁决：事实不符合事实模型';
  return (
    <section class="outcome-problem" aria-labelledby="problem-title">
      <h2 id="problem-title">{title}</h2>
      <p class="engine-message">{outcome.message}</p>
      {outcome.missing && (
        <p>
          {missingField?.hint && !outcome.message.includes(missingField.hint) && <>{missingField.label}：{missingField.hint} </>}
          <GoTo path={outcome.missing.path} fields={fields} onGoTo={onGoTo} />
        </p>
      )}
      {!outcome.missing && outcome.issues.length > 0 && (
        <ul>
          {outcome.issues.map((issue) => (
            <li key={issue.path}>
              {issue.message} <GoTo path={issue.path} fields={fields} onGoTo={onGoTo} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
