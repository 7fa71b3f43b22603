import type { ExpectedFieldView, ExpectedMode, GateErrorView } from '../../present/studio/index.ts';
import { GateMessages } from './GateMessages.tsx';

interface Props {
  readonly views: readonly ExpectedFieldView[];
  /** Gate errors by expected key (see placeGateErrors). */
  readonly gate: ReadonlyMap<string, readonly GateErrorView[]>;
  /** False while the facts cannot be decided: there is no engine value to follow. */
  readonly hasRuling: boolean;
  readonly onMode: (key: string, mode: ExpectedMode, text?: string) => void;
  readonly onText: (key: string, text: string) => void;
}

const fieldId = (key: string) => `expected-${key.replace(/\./g, '-')}`;

function optionLabel(view: ExpectedFieldView, value: string): string {
  if (value === '') return '—';
  if (view.spec.kind === 'boolean') return value === 'true' ? '是' : '否';
  return view.spec.options.find((option) => option.value === value)?.label ?? value;
}

function Control({ view, onText }: { readonly view: ExpectedFieldView; readonly onText: Props['onText'] }) {
  const id = fieldId(view.spec.key);
  const describedBy = `${id}-engine${view.disagrees || view.textError ? ` ${id}-problem` : ''}`;
  const { spec, state } = view;
  if (spec.kind === 'enum' || spec.kind === 'boolean') {
    const options = spec.kind === 'boolean' ? [{ value: 'true', label: '是' }, { value: 'false', label: '否' }] : spec.options;
    return (
      <select id={id} value={state.text} aria-describedby={describedBy} aria-invalid={view.disagrees || undefined} onChange={(event) => onText(spec.key, event.currentTarget.value)}>
        <option value="">请选择</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={id}
      type="text"
      value={state.text}
      autoComplete="off"
      spellcheck={false}
      inputMode={spec.kind === 'number' ? 'decimal' : undefined}
      aria-describedby={describedBy}
      aria-invalid={view.disagrees || view.textError ? true : undefined}
      onInput={(event) => onText(spec.key, event.currentTarget.value)}
    />
  );
}

/**
 * The author's expected ruling: each field follows the live ruling, is the author's own value, or is left out of the
 * file. A value that differs from the ruling is marked at once, and the content gate's message for it (what was
 * written, what the engine decided, the rules, the fix) appears under it when the check comes back.
 */
export function ExpectedForm({ views, gate, hasRuling, onMode, onText }: Props) {
  return (
    <section class="studio-panel expected-form" aria-labelledby="expected-title">
      <h2 id="expected-title">预期裁决</h2>
      <p class="section-hint">
        默认跟随规则引擎的裁决；改成“自定”可写下你认为正确的值，与引擎不同时这里会立刻标出，并在内容检查返回后给出与 <code>npm run check:content</code> 相同的说明。
      </p>
      <div class="expected-rows">
        {views.map((view) => {
          const { spec, state } = view;
          const id = fieldId(spec.key);
          // A field that follows the engine cannot disagree with it: a gate message from before the switch is stale.
          const errors = state.mode === 'engine' ? [] : (gate.get(spec.key) ?? []);
          const problem = view.textError ?? (view.disagrees ? `与引擎不同：引擎判定为“${optionLabel(view, view.engineText)}”。` : null);
          const modes: { value: ExpectedMode; label: string }[] = [
            { value: 'engine', label: '跟随引擎' },
            { value: 'override', label: '自定' },
            ...(spec.required ? [] : [{ value: 'omit' as const, label: '不写' }]),
          ];
          return (
            <div key={spec.key} class={`expected-row${view.disagrees || errors.length > 0 ? ' has-error' : ''}`} data-field={spec.key}>
              <fieldset class="expected-mode">
                <legend>
                  {spec.label} <code>expected.{spec.key}</code>
                </legend>
                <div class="choices">
                  {modes.map((mode) => (
                    <label key={mode.value} class="choice">
                      <input
                        type="radio"
                        name={`${id}-mode`}
                        value={mode.value}
                        checked={state.mode === mode.value}
                        onChange={() => onMode(spec.key, mode.value, mode.value === 'override' && state.text === '' ? view.engineText : undefined)}
                      />
                      {mode.label}
                    </label>
                  ))}
                </div>
              </fieldset>
              {state.mode === 'override' && (
                <div class="expected-value">
                  <label for={id}>{spec.label}（自定）</label>
                  <Control view={view} onText={onText} />
                </div>
              )}
              <p class="field-hint" id={`${id}-engine`}>
                {hasRuling ? `引擎：${optionLabel(view, view.engineText)}` : '引擎：事实还不能裁决'}
                {spec.hint && ` · ${spec.hint}`}
              </p>
              {problem && (
                <p class="field-error" id={`${id}-problem`}>
                  {problem}
                </p>
              )}
              {errors.length > 0 && <GateMessages errors={errors} />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
