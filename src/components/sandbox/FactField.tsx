import type { FieldModel } from '../../present/sandbox/index.ts';
import { fieldId } from '../../present/sandbox/index.ts';

interface Props {
  readonly field: FieldModel;
  /** The text as typed; '' = absent. */
  readonly text: string;
  /** A problem to show under the field (unreadable text, or what the engine said about this fact). */
  readonly error: string | undefined;
  readonly onText: (path: string, text: string) => void;
}

const PLACEHOLDERS: Partial<Record<FieldModel['kind'], string>> = {
  time: 'YYYY-MM-DD HH:mm',
  number: '例如 399',
};

function absentLabel(field: FieldModel): string {
  return field.defaultLabel ? `不填（视为“${field.defaultLabel}”）` : '不填';
}

/** One fact as a form control: select for enums, 是/否/不填 radios for booleans, text for times, numbers and names. */
export function FactField({ field, text, error, onText }: Props) {
  const id = fieldId(field.path);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const invalid = error ? true : undefined;
  const required = field.required ? <span class="required">必填</span> : null;
  const hint = (
    <p class="field-hint" id={hintId}>
      {field.hint && `${field.hint} `}
      <code>{field.path}</code>
    </p>
  );
  const message = error ? (
    <p class="field-error" id={errorId}>
      {error}
    </p>
  ) : null;
  const className = `field field-${field.kind}${error ? ' has-error' : ''}`;

  if (field.kind === 'boolean') {
    const choices = [
      { value: 'true', label: '是' },
      { value: 'false', label: '否' },
      { value: '', label: absentLabel(field) },
    ];
    return (
      <fieldset
        class={className}
        id={id}
        role="radiogroup"
        aria-labelledby={`${id}-legend`}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={field.required || undefined}
      >
        <legend id={`${id}-legend`}>
          {field.label}
          {required}
        </legend>
        <div class="choices">
          {choices.map((choice) => (
            <label key={choice.value} class="choice">
              <input
                type="radio"
                name={id}
                value={choice.value}
                checked={text === choice.value}
                onChange={() => onText(field.path, choice.value)}
              />
              {choice.label}
            </label>
          ))}
        </div>
        {hint}
        {message}
      </fieldset>
    );
  }

  const control =
    field.kind === 'enum' ? (
      <select
        id={id}
        value={text}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={field.required || undefined}
        onChange={(event) => onText(field.path, event.currentTarget.value)}
      >
        <option value="">{absentLabel(field)}</option>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    ) : (
      <input
        id={id}
        type="text"
        value={text}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        placeholder={PLACEHOLDERS[field.kind]}
        autoComplete="off"
        spellcheck={false}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-required={field.required || undefined}
        onInput={(event) => onText(field.path, event.currentTarget.value)}
      />
    );

  return (
    <div class={className}>
      <label for={id}>
        {field.label}
        {required}
      </label>
      {control}
      {hint}
      {message}
    </div>
  );
}
